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

    @Test
    void writesOnlyTheBucketMonthAndWatermarkThatMovedAndKeepsTheOthersAsRead() {
        String untouched = "5000 3500 -200 1 0";
        CustomerState state = new CustomerState(Map.of("l", "5100 3570 -200 2 0", "w", "5100 3570 -200 2 0",
                "d:20400", untouched, "d:20401", "100 70 0 1 0", "m:2026-10", "5000", "m:2026-11", "100 30",
                "wm:tierwatch.orders:0", "41", "wm:tierwatch.orders:1", "7", "rev", "9"));
        state.buckets.get(20_401L)[0] += 250;
        state.months.get("2026-11")[0] += 250;
        state.watermarks.put("wm:tierwatch.orders:0", 42L);

        CustomerState.Changes changes = state.changes();

        assertThat(changes.set()).containsExactlyInAnyOrder("d:20401", "350 70 0 1 0", "m:2026-11", "350 30",
                "wm:tierwatch.orders:0", "42", "rev", "10");
        assertThat(changes.deleted()).isEmpty();
        assertThat(changes.stored().get("d:20400")).isSameAs(state.read.get("d:20400"));
        assertThat(changes.stored()).containsEntry("m:2026-10", "5000").containsEntry("wm:tierwatch.orders:1", "7");
    }

    @Test
    void comparesPackedAmountsWithoutParsingThemAsText() {
        long[][] cases = {{0, 0, 0, 0, 0}, {1, -1, 10, -10, 7}, {Long.MAX_VALUE, Long.MIN_VALUE, 100, -100, 9}};
        for (long[] amounts : cases) {
            String packed = CustomerState.pack(amounts);
            assertThat(CustomerState.packs(packed, amounts)).as(packed).isTrue();
            assertThat(CustomerState.unpack(packed)).containsExactly(amounts);
            long[] other = amounts.clone();
            other[4] += 1;
            assertThat(CustomerState.packs(packed, other)).as(packed + " against a changed last amount").isFalse();
        }
        long[] seven = {7, 0, 0, 0, 0};
        assertThat(CustomerState.packs("07 0 0 0 0", seven)).isFalse();
        assertThat(CustomerState.packs("-7 0 0 0 0", seven)).isFalse();
        assertThat(CustomerState.packs("7 0 0 0", seven)).isFalse();
        assertThat(CustomerState.packs("7 0 0 0 0", seven)).isTrue();
        assertThat(CustomerState.impactOf("20419|ev-1|ticket|t|9|2026-11-27T10:00:00Z|-700")).isEqualTo(700);
    }

    @Test
    void aMonthStoredAsRevenueOnlyStaysSoAndANewMonthKeepsItsProfit() {
        CustomerState state = new CustomerState(Map.of("m:2026-10", "5000", "rev", "1"));
        assertThat(state.months.get("2026-10")).containsExactly(5000, 0, 0);
        state.months.get("2026-10")[0] += 100;
        state.months.put("2026-11", new long[] {200, -50, 1});

        CustomerState.Changes changes = state.changes();

        assertThat(changes.stored()).containsEntry("m:2026-10", "5100").containsEntry("m:2026-11", "200 -50");
        assertThat(CustomerState.month("200 -50")).containsExactly(200, -50, 1);
        assertThat(CustomerState.month("0 -700")).containsExactly(0, -700, 1);
    }
}
