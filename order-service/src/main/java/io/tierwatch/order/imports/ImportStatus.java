package io.tierwatch.order.imports;

import java.time.Instant;
import java.util.List;

/**
 * The progress of an import as {@code GET /api/v1/imports/{id}} shows it. Rows are counted
 * once each: skipped (no customer), rejected (with file, line and reason), or carried by an
 * event that was published now or had been before (duplicate).
 */
public record ImportStatus(
        String importId,
        State state,
        List<String> files,
        long rowsRead,
        long rowsSkipped,
        long rowsRejected,
        long rowsPublished,
        long rowsDuplicate,
        long ordersPublished,
        long returnsPublished,
        long eventsDuplicate,
        List<Rejection> rejections,
        long rejectionsNotListed,
        Instant startedAt,
        Instant finishedAt,
        Double rowsPerSecond,
        String error) {

    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    public record Rejection(String file, long line, String reason) {
    }
}
