package io.tierwatch.contracts;

/**
 * A Kafka record that is not a valid Tierwatch event. Never worth a retry: consumers send
 * it straight to the dead-letter topic with this message as the reason.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
