package dev.sagaflow.transport.kafka;

/** Kafka did not take or give what was asked within its timeouts; the message says what and where. */
public final class KafkaTransportException extends RuntimeException {
    public KafkaTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
