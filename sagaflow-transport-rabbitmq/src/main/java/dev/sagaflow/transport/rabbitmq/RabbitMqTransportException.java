package dev.sagaflow.transport.rabbitmq;

/** RabbitMQ refused or did not confirm what was asked; the message says what and where. */
public final class RabbitMqTransportException extends RuntimeException {
    public RabbitMqTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
