package io.tierwatch.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tierwatch.scoring.domain.Delta;

class PendingChangesTest {

    private static final LedgerSettings SETTINGS = TestLedgerSettings.DEFAULTS;

    private static CustomerState tierD() {
        CustomerState st = new CustomerState(Map.of());
        st.lifetime[0] = 10_000;
        st.lifetime[1] = 7_000;
        st.lifetime[2] = 5_000;
        System.arraycopy(st.lifetime, 0, st.window, 0, 5);
        st.tier = "D";
        st.version = 2;
        st.policy = "policy-1";
        st.traits = "NEW,OVER_SERVED";
        st.contributors = List.of("20784|t-2|ticket|t-2|2026-11-27T10:00:00Z|-5000",
                "20783|e-1|order|o-1|2026-11-26T10:00:00Z|3000", "20780|e-0|order|o-0|2026-11-23T10:00:00Z|100",
                "20779|e-9|order|o-9|2026-11-22T10:00:00Z|10");
        return st;
    }

    @Test
    void aChangeTheStateStillShowsIsStoredInAFewBytesAndRebuiltExactly() {
        CustomerState st = tierD();
        Map<String, String> entry = PendingChanges.entry(st, 2, "B", "90", "0f8e2a4c-1d7b-4b7e-9a55-3c1d2e4f5a6b",
                "2026-11-27T10:00:00.123456789Z");

        String compact = PendingChanges.compact(entry);

        assertThat(compact).isEqualTo("B 90 1795773600.123456789 0f8e2a4c-1d7b-4b7e-9a55-3c1d2e4f5a6b");
        // under hash-max-listpack-value (64) even with a UUID as the trigger: the hash stays a listpack
        assertThat(compact.length()).isLessThanOrEqualTo(64);
        assertThat(PendingChanges.derive(st, 2, compact)).isEqualTo(entry);
        assertThat(entry.get("contrib").split("\n")).hasSize(3);
    }

    @Test
    void keepsWholeSecondsAndAFirstTierApart() {
        CustomerState st = tierD();
        Map<String, String> entry = PendingChanges.entry(st, 1, "", "30", "e 1", "2026-11-27T10:00:00Z");

        String compact = PendingChanges.compact(entry);

        assertThat(compact).isEqualTo("- 30 1795773600 e 1");
        assertThat(PendingChanges.derive(st, 1, compact)).isEqualTo(entry);
    }

    @Test
    void anEntryTheStateNoLongerShowsIsWrittenWholeAndLeavesTheState() {
        CustomerState st = tierD();
        Map<String, String> first = PendingChanges.entry(st, 1, "", "90", "e-1", "2026-11-26T10:00:00Z");
        Map<String, Map<String, String>> outbox = new java.util.LinkedHashMap<>();
        outbox.put("1", first);
        st.lifetime[0] += 1; // a later event of the same batch
        st.window[0] += 1;
        Map<String, String> second = PendingChanges.entry(st, 2, "B", "90", "e-2", "2026-11-27T10:00:00Z");
        outbox.put("2", second);

        Map<String, Map<String, String>> whole = PendingChanges.settle(st, outbox, Map.of());

        assertThat(whole).containsOnlyKeys("1");
        assertThat(st.pending).containsOnlyKeys(2L);
        Map<String, String> stored = new HashMap<>(st.changes().stored());
        assertThat(stored).containsKey("o:2").doesNotContainKey("o:1");
        assertThat(PendingChanges.in(stored)).containsOnlyKeys("2").containsEntry("2", second);
    }

    @Test
    void aPendingEntryReadBackIsDroppedFromTheStateWhenItNoLongerMatches() {
        CustomerState st = tierD();
        Map<String, String> entry = PendingChanges.entry(st, 2, "B", "90", "e-2", "2026-11-27T10:00:00Z");
        st.pending.put(2L, PendingChanges.compact(entry));
        CustomerState read = new CustomerState(st.changes().stored());
        CustomerWork work = new CustomerWork("c", read.changes().stored());

        assertThat(work.outbox).containsOnlyKeys("2").containsEntry("2", entry);

        assertThat(work.wholeEntries()).as("nothing moved the state: stays compact").isEmpty();

        work.apply(new Applier(SETTINGS), LedgerCommand.event("c", "orders", 0, 0, "e-3",
                new Delta("order", "o-3", Instant.parse("2026-11-27T11:00:00Z"), 100, 10, 0, 1, 0)));
        assertThat(work.wholeEntries()).containsOnlyKeys("2");
        assertThat(work.changes().deleted()).contains("o:2");
    }
}
