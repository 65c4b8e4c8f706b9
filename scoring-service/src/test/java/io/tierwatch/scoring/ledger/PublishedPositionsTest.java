package io.tierwatch.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tierwatch.scoring.domain.Delta;

class PublishedPositionsTest {

    private final PublishedPositions positions = new PublishedPositions();

    @Test
    void aBatchStartingPastARecordMeansItsChangesAreOnKafkaInThatPartitionOnly() {
        String stamp = PublishedPositions.stamp(order("orders", 3, 41));

        positions.started(List.of(order("orders", 3, 41), order("orders", 3, 42)));
        assertThat(positions.published(stamp)).as("its own batch is not published yet").isFalse();

        positions.started(List.of(order("orders", 3, 43), order("orders", 2, 7)));
        assertThat(positions.published(stamp)).isTrue();
        assertThat(positions.published(PublishedPositions.stamp(order("orders", 2, 7)))).isFalse();
        assertThat(positions.published(PublishedPositions.stamp(order("tickets", 3, 1)))).as("never consumed").isFalse();
    }

    @Test
    void aFinishedBatchCoversItsLastRecordAndPositionsNeverGoBack() {
        positions.finished(List.of(order("orders", 0, 10), order("orders", 0, 12)));

        assertThat(positions.published(PublishedPositions.stamp(order("orders", 0, 12)))).isTrue();
        assertThat(positions.published(PublishedPositions.stamp(order("orders", 0, 13)))).isFalse();

        positions.started(List.of(order("orders", 0, 5))); // a consumer sought back: what it knew stays true
        assertThat(positions.published(PublishedPositions.stamp(order("orders", 0, 12)))).isTrue();
    }

    @Test
    void aSweepOrNoStampIsNeverKnownToBePublished() {
        positions.started(List.of(LedgerCommand.sweep("c", LocalDate.of(2026, 11, 27), Instant.now())));
        positions.finished(List.of(LedgerCommand.sweep("c", LocalDate.of(2026, 11, 27), Instant.now())));

        assertThat(positions.published(null)).isFalse();
        assertThat(positions.published("garbage")).isFalse();
    }

    private static LedgerCommand order(String topic, int partition, long offset) {
        return LedgerCommand.event("c", topic, partition, offset, "e-" + offset,
                new Delta("order", "o-" + offset, Instant.now(), 100, 10, 0, 1, 0));
    }
}
