package io.tierwatch.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class DrainTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theLaterHalfCountsFromTheFirstSampleWithHalfTheBacklogCommitted() {
        // 1,000 events from 0: slow at first (100/s while compiling), then 400/s
        List<long[]> samples = List.of(
                new long[] {1 * SECOND, 100}, new long[] {2 * SECOND, 200}, new long[] {3 * SECOND, 600},
                new long[] {4 * SECOND, 1_000});
        // half (500) is first reached at 3 s with 600 committed: 400 events in the last second
        assertThat(Drain.laterHalf(samples, 0)).isCloseTo(400.0, within(1e-9));
    }

    @Test
    void countsFromTheCommittedOffsetsTheDrainStartedAt() {
        List<long[]> samples = List.of(new long[] {1 * SECOND, 5_100}, new long[] {2 * SECOND, 5_500},
                new long[] {4 * SECOND, 6_000});
        // 1,000 events from 5,000: half is 5,500, reached at 2 s; 500 events in 2 s
        assertThat(Drain.laterHalf(samples, 5_000)).isCloseTo(250.0, within(1e-9));
    }

    @Test
    void aDrainOfOneSampleHasNoLaterHalfRate() {
        assertThat(Drain.laterHalf(List.of(), 0)).isZero();
        assertThat(Drain.laterHalf(List.<long[]>of(new long[] {SECOND, 10}), 0)).isZero();
    }
}
