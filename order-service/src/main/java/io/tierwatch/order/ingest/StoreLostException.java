package io.tierwatch.order.ingest;

/**
 * Redis lost order-service's idempotency records (its store marker is gone): a submission could
 * not be told from one accepted before, so none is accepted until the records are recovered from
 * Kafka, which takes seconds to minutes. The client retries (503, {@code Retry-After}).
 */
public class StoreLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreLostException() {
        super("the idempotency store lost its records and is recovering them from Kafka; retry shortly");
    }
}
