package io.tierwatch.scoring.ledger;

import java.time.Instant;
import java.time.LocalDate;

import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.scoring.domain.Delta;

/**
 * One command for a customer's ledger: a business event, a master-data update, or a sweep of an
 * aged window. {@code watermark} names the topic-partition ({@code wm:<topic>:<partition>}),
 * empty for sweeps; {@code partition} is the input partition number the customer's records are on
 * (its sweeps' too). {@code streamDay} is the day the partition's customers were last swept to
 * when the command comes ({@link Long#MIN_VALUE}: none): an event older than that lands in a window
 * that already ends there.
 */
public record LedgerCommand(String customerId, String mode, String watermark, long offset, String eventId,
        long day, Instant occurredAt, Delta delta, CustomerUpserted master, int partition, long streamDay) {

    /** No sweep yet: a customer's window ends at its own latest event. */
    public static final long NO_STREAM_DAY = Long.MIN_VALUE;

    public static LedgerCommand event(String customerId, String topic, int partition, long offset, String eventId,
            Delta delta) {
        return new LedgerCommand(customerId, "event", watermark(topic, partition), offset, eventId, delta.day(),
                delta.occurredAt(), delta, null, partition, NO_STREAM_DAY);
    }

    public static LedgerCommand master(String topic, int partition, long offset, String eventId,
            CustomerUpserted master) {
        return new LedgerCommand(master.customerId(), "master", watermark(topic, partition), offset, eventId,
                0, master.updatedAt(), null, master, partition, NO_STREAM_DAY);
    }

    /**
     * Ages the window to {@code day} and re-decides the tier; {@code sweep:<day>} triggers it, and
     * it occurred at the start of that day: what a sweep announces is the same in every replay.
     */
    public static LedgerCommand sweep(String customerId, int partition, LocalDate day) {
        return new LedgerCommand(customerId, "sweep", "", 0, "sweep:" + day, day.toEpochDay(),
                day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), null, null, partition, day.toEpochDay());
    }

    /** This command, coming when the partition's customers were last swept to {@code day}. */
    public LedgerCommand atStreamDay(long day) {
        return day == streamDay ? this : new LedgerCommand(customerId, mode, watermark, offset, eventId, this.day,
                occurredAt, delta, master, partition, day);
    }

    private static String watermark(String topic, int partition) {
        return "wm:" + topic + ":" + partition;
    }
}
