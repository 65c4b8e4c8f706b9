package io.tierwatch.notification.redis;

/**
 * Redis lost notification-service's records (its store marker {@link #MARKER} is gone): without
 * the seen markers a tier change alerted before could not be told from a new one, so no alert is
 * recorded until they are recovered from Kafka. Retried like a Redis outage, never dead-lettered.
 */
public class StoreLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The marker that this Redis holds notification-service's records; the alert script checks it. */
    public static final String MARKER = "tw:notify:store";

    public StoreLostException() {
        super("notification-service's Redis lost its records; alerts wait until they are recovered from Kafka");
    }
}
