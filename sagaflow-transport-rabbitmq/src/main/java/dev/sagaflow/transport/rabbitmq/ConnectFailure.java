package dev.sagaflow.transport.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MalformedFrameException;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Why a connection to RabbitMQ could not be made, in words a user can act on. The client's own
 * exceptions say {@code java.io.IOException} for an unknown virtual host and name no address.
 */
final class ConnectFailure {
    /** AMQP's reply code for "not allowed": an unknown virtual host, or one the user has no access to. */
    private static final int NOT_ALLOWED = 530;

    private ConnectFailure() {
    }

    static String describe(Exception e, ConnectionFactory factory) {
        String address = factory.getHost() + ":" + factory.getPort();
        String vhost = factory.getVirtualHost();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PossibleAuthenticationFailureException) {
                return "the broker at " + address + " refused the login of user '" + factory.getUsername()
                        + "': check the user name and password";
            }
            if (t instanceof ShutdownSignalException s && s.getReason() instanceof AMQP.Connection.Close close
                    && close.getReplyCode() == NOT_ALLOWED) {
                return close.getReplyText().contains("not found")
                        ? "virtual host '" + vhost + "' does not exist on the broker at " + address
                        + " (create it with `rabbitmqctl add_vhost " + vhost + "`, or name another in the URI's path)"
                        : "user '" + factory.getUsername() + "' may not use virtual host '" + vhost + "' ("
                        + close.getReplyText() + ")";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + factory.getHost();
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "nothing listens on " + address + " (" + t.getMessage() + "): is RabbitMQ running, is the port right?";
            }
            if (t instanceof SocketTimeoutException) {
                return address + " did not answer within " + factory.getConnectionTimeout() / 1000
                        + " s: is the host reachable, or a firewall in the way?";
            }
            if (t instanceof TimeoutException) {
                return address + " accepted the connection but did not answer as a RabbitMQ broker within "
                        + factory.getHandshakeTimeout() / 1000 + " s: is it the AMQP port (5672 by default)?";
            }
            if (t instanceof MalformedFrameException) {
                return address + " is not a RabbitMQ broker (it answered something else): is it the AMQP port (5672 by default)?";
            }
        }
        return e.getMessage() != null ? e.getMessage() : String.valueOf(e);
    }
}
