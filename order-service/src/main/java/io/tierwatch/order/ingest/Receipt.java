package io.tierwatch.order.ingest;

/** What ingestion did with a submission: published it now, or recognised it as already published. */
public record Receipt(String eventId, boolean duplicate) {
}
