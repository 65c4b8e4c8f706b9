package io.tierwatch.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every row of the start-up decision: which Redis and which committed offsets belong together. */
class StateEpochTest {

    static final String CLUSTER = "cluster-1";

    static List<String> markers(String value) {
        return Collections.nCopies(LedgerKeys.GROUPS, value);
    }

    static StateEpoch.Kafka kafka(boolean commits, Set<String> epochs) {
        return new StateEpoch.Kafka(CLUSTER, commits, epochs, List.of());
    }

    @Test
    void aFreshRedisWithNoCommittedOffsetsBeginsAnEpoch() {
        StateEpoch.Verdict v = StateEpoch.decide(markers(null), false, kafka(false, Set.of()));
        assertThat(v.create()).isTrue();
        assertThat(v.lostReason()).isNull();
    }

    @Test
    void aFlushedRedisUnderCommittedOffsetsIsLost() {
        assertThat(StateEpoch.decide(markers(null), false, kafka(true, Set.of("e1"))).lostReason())
                .contains("committed offsets belong to epoch e1");
        // offsets of a version before epochs, and Redis empty: lost too
        assertThat(StateEpoch.decide(markers(null), false, kafka(true, Set.of())).lostReason()).contains("flushed");
    }

    @Test
    void aVersionBeforeEpochsIsAdoptedWhenRedisHoldsItsState() {
        StateEpoch.Verdict v = StateEpoch.decide(markers(null), true, kafka(true, Set.of()));
        assertThat(v.create()).isTrue();
    }

    @Test
    void aMatchingEpochIsKept() {
        StateEpoch.Verdict v = StateEpoch.decide(markers("e1 " + CLUSTER), true, kafka(true, Set.of("e1")));
        assertThat(v.epoch()).isEqualTo("e1");
        assertThat(v.create()).isFalse();
        assertThat(v.lostReason()).isNull();
    }

    @Test
    void partOfRedisLostOrMixedEpochsOrAnotherEpochIsLost() {
        List<String> partial = new ArrayList<>(markers("e1 " + CLUSTER));
        partial.set(7, null);
        assertThat(StateEpoch.decide(partial, true, kafka(true, Set.of("e1"))).lostReason()).startsWith("1 of 64");
        List<String> mixed = new ArrayList<>(markers("e1 " + CLUSTER));
        mixed.set(3, "e2 " + CLUSTER);
        assertThat(StateEpoch.decide(mixed, true, kafka(true, Set.of("e1"))).lostReason()).contains("different epochs");
        assertThat(StateEpoch.decide(markers("e1 " + CLUSTER), true, kafka(true, Set.of("e0"))).lostReason())
                .contains("committed offsets belong to epoch [e0]");
    }

    @Test
    void anEpochAnotherInstanceIsBeginningIsCompletedNotLost() {
        // two instances start on a fresh Redis at once: one has written group 0's marker, not yet the others
        List<String> beginning = new ArrayList<>(markers(null));
        beginning.set(0, "e1 " + CLUSTER);
        StateEpoch.Verdict v = StateEpoch.decide(beginning, false, kafka(false, Set.of()));
        assertThat(v.lostReason()).isNull();
        assertThat(v.epoch()).isEqualTo("e1");
        assertThat(v.create()).as("its markers are completed").isTrue();
        // the same picture once anything was applied or committed is a partial loss
        assertThat(StateEpoch.decide(beginning, true, kafka(false, Set.of())).lostReason()).startsWith("63 of 64");
        assertThat(StateEpoch.decide(beginning, false, kafka(true, Set.of("e1"))).lostReason()).startsWith("63 of 64");
    }

    @Test
    void anotherKafkaClusterOrOffsetsGoneOrPastTheEndIsTheMirrorCase() {
        assertThat(StateEpoch.decide(markers("e1 other-cluster"), true, kafka(true, Set.of("e1"))).lostReason())
                .contains("Kafka cluster other-cluster");
        assertThat(StateEpoch.decide(markers("e1 " + CLUSTER), true, kafka(false, Set.of())).lostReason())
                .contains("no committed offsets");
        assertThat(StateEpoch.decide(markers("e1 " + CLUSTER), true,
                new StateEpoch.Kafka(CLUSTER, true, Set.of("e1"), List.of("tierwatch.orders-0 committed 90, end 3")))
                .lostReason()).contains("past their partition's end");
        // an epoch begun but nothing scored yet: no offsets is fine
        assertThat(StateEpoch.decide(markers("e1 " + CLUSTER), false, kafka(false, Set.of())).epoch()).isEqualTo("e1");
    }

    @Test
    void theExpectedEpochRefusesWhileLostOrUnknown() {
        StateEpoch epoch = new StateEpoch();
        org.assertj.core.api.Assertions.assertThatThrownBy(epoch::expected).isInstanceOf(StateLostException.class)
                .hasMessageContaining("not known yet");
        epoch.establish("e1");
        assertThat(epoch.expected()).isEqualTo("e1");
        epoch.markLost("flushed");
        org.assertj.core.api.Assertions.assertThatThrownBy(epoch::expected).hasMessage("flushed");
        assertThat(StateEpoch.ofMetadata(StateEpoch.metadata("e1"))).isEqualTo("e1");
        assertThat(StateEpoch.ofMetadata("")).isNull();
    }
}
