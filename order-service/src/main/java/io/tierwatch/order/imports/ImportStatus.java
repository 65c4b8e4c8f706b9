package io.tierwatch.order.imports;

import java.time.Instant;
import java.util.List;

/**
 * The progress of an import as {@code GET /api/v1/imports/{id}} shows it. Rows are counted
 * once each: skipped (a sales row without a customer), rejected (with file, line and reason), or
 * carried by an event that was published now or had been before (duplicate). Kept in Redis, so
 * it outlives a restart; {@code updatedAt} is the last time its instance wrote it.
 */
public record ImportStatus(
        String importId,
        Kind kind,
        String mapping,
        String currency,
        String startedBy,
        State state,
        List<String> files,
        long rowsRead,
        long rowsSkipped,
        long rowsRejected,
        long rowsPublished,
        long rowsDuplicate,
        long ordersPublished,
        long returnsPublished,
        long customersPublished,
        long ticketsPublished,
        long eventsDuplicate,
        List<Rejection> rejections,
        long rejectionsNotListed,
        Instant submittedAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt,
        Double rowsPerSecond,
        String error) {

    public enum Kind {
        SALES, CUSTOMERS, SERVICE_TICKETS
    }

    public enum State {
        QUEUED, RUNNING, DONE, FAILED;

        boolean active() {
            return this == QUEUED || this == RUNNING;
        }
    }

    public record Rejection(String file, long line, String reason) {
    }

    /** The same status, failed with {@code reason}: for an import whose instance stopped. */
    ImportStatus interrupted(String reason) {
        return new ImportStatus(importId, kind, mapping, currency, startedBy, State.FAILED, files, rowsRead, rowsSkipped,
                rowsRejected, rowsPublished, rowsDuplicate, ordersPublished, returnsPublished, customersPublished,
                ticketsPublished, eventsDuplicate, rejections, rejectionsNotListed, submittedAt, startedAt, finishedAt,
                updatedAt, rowsPerSecond, reason);
    }
}
