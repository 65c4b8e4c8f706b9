package io.tierwatch.order.publish;

/** Kafka did not acknowledge in time: the client gets 503 and nothing is reported accepted. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
