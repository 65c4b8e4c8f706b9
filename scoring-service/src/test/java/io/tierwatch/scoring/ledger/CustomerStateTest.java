package io.tierwatch.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CustomerStateTest {

    private static Map<String, String> stored(CustomerState state) {
        Map<String, String> fields = new HashMap<>();
        List<String> set = state.changes().set();
        for (int i = 0; i < set.size(); i += 2) {
            fields.put(set.get(i), set.get(i + 1));
        }
        return fields;
    }

    @Test
    void packsFiguresDaysAndTierAndReadsThemBack() {
        CustomerState state = new CustomerState(Map.of());
        state.lifetime[0] = 12_345;
        state.lifetime[3] = 2;
        state.window[2] = -700;
        state.asOf = 20_419L;
        state.last = 20_419L;
        state.tier = "D";
        state.version = 3;
        state.policy = "policy 2";
        state.contributors = List.of("20419|ev-1|ticket|t|9|2026-11-27T10:00:00Z|-700");

        Map<String, String> stored = stored(state);
        CustomerState read = new CustomerState(stored);

        assertThat(stored).containsEntry("l", "12345 0 0 2 0").containsEntry("a", "20419 - 20419")
                .containsEntry("t", "D 3 policy 2").containsEntry("c:ev-1", "20419|ticket|t|9|2026-11-27T10:00:00Z|-700")
                .containsEntry("rev", "1");
        assertThat(read.lifetime).containsExactly(12_345, 0, 0, 2, 0);
        assertThat(read.window[2]).isEqualTo(-700);
        assertThat(read.first).isNull();
        assertThat(read.policy).isEqualTo("policy 2");
        assertThat(read.contributors).isEqualTo(state.contributors);
        assertThat(LedgerKeys.stateFields(stored)).containsEntry("lr", "12345").containsEntry("ws", "-700")
                .containsEntry("tier", "D").containsEntry("ver", "3").containsEntry("asof", "20419")
                .doesNotContainKeys("first", "l", "a", "t");
    }

    @Test
    void writesOnlyWhatChangedAndDropsFieldsOfNoMeaning() {
        CustomerState read = new CustomerState(Map.of("l", "100 70 0 1 0", "w", "100 70 0 1 0", "rev", "4",
                "a", "20000 20000 20000", "exp", "20090"));
        read.asOf = 20_001L;

        CustomerState.Changes changes = read.changes();

        assertThat(changes.set()).containsExactly("a", "20001 20000 20000", "rev", "5");
        assertThat(changes.deleted()).containsExactly("exp");
    }
}
