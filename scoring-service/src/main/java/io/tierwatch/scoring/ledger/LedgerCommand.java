package io.tierwatch.scoring.ledger;

import java.time.Instant;
import java.time.LocalDate;

import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.scoring.domain.Delta;

/**
 * One call of the apply script: a business event, a master-data update, or a sweep of an
 * aged window. {@code watermark} names the topic-partition ({@code wm:<topic>:<partition>}),
 * empty for sweeps.
 */
public record LedgerCommand(String customerId, String mode, String watermark, long offset, String eventId,
        long day, Instant occurredAt, Delta delta, CustomerUpserted master) {

    public static LedgerCommand event(String customerId, String topic, int partition, long offset, String eventId,
            Delta delta) {
        return new LedgerCommand(customerId, "event", watermark(topic, partition), offset, eventId, delta.day(),
                delta.occurredAt(), delta, null);
    }

    public static LedgerCommand master(String topic, int partition, long offset, String eventId,
            CustomerUpserted master) {
        return new LedgerCommand(master.customerId(), "master", watermark(topic, partition), offset, eventId,
                0, master.updatedAt(), null, master);
    }

    /** Ages the window to {@code today} and re-decides the tier; {@code sweep:<date>} triggers it. */
    public static LedgerCommand sweep(String customerId, LocalDate today, Instant now) {
        return new LedgerCommand(customerId, "sweep", "", 0, "sweep:" + today, today.toEpochDay(), now, null, null);
    }

    private static String watermark(String topic, int partition) {
        return "wm:" + topic + ":" + partition;
    }
}
