package io.tierwatch.order.ingest;

/** What became of one submission of a batch. {@code reason} says why it was not published. */
public record BatchOutcome(Status status, String reason) {

    public enum Status {
        PUBLISHED, DUPLICATE, CONFLICT, IN_PROGRESS, FAILED
    }

    static BatchOutcome of(Status status) {
        return new BatchOutcome(status, null);
    }

    public boolean accepted() {
        return status == Status.PUBLISHED || status == Status.DUPLICATE;
    }
}
