package io.tierwatch.scoring.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Contributor;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.TierDirection;
import io.tierwatch.contracts.Trait;
import io.tierwatch.scoring.domain.PolicySettings;

class OutboxEntryTest {

    private static final PolicySettings POLICY = new PolicySettings(100_000, 10_000, 50, 10, 5_000, "policy-1");

    private static final String ENTRY = """
            {"v":"2","prev":"B","new":"D","pol":"policy-1","wd":"90","wr":"10000","wg":"6000","ws":"20000",
             "lr":"10000","lg":"6000","ls":"20000","traits":"STRATEGIC,NEW","trig":"ev-7",
             "occ":"2026-11-27T10:00:00Z","contrib":"20419|ev-7|ticket|t-1|2026-11-27T10:00:00Z|-20000\\n20419|ev-6|order|o-1|2026-11-27T09:00:00Z|4000"}
            """;

    @Test
    void turnsAnOutboxEntryIntoTheTierChangeItRecords() {
        CustomerTierChanged change = OutboxEntry.parse("c-1", ENTRY, POLICY);

        assertThat(change.eventId()).isEqualTo("tier:c-1:2");
        assertThat(change.direction()).isEqualTo(TierDirection.DOWNGRADE);
        assertThat(change.newTier()).isEqualTo(Tier.D);
        assertThat(change.window().profit()).isEqualTo(Money.parse("-160.00"));
        assertThat(change.traits()).containsExactlyInAnyOrder(Trait.STRATEGIC, Trait.NEW);
        assertThat(change.contributors()).hasSize(2);
        assertThat(change.contributors().get(0).profitImpact()).isEqualTo(Money.parse("-200.00"));
        assertThat(change.reason()).isEqualTo("Moved from B to D: 90-day profit -160.00 is below zero (revenue 100.00, "
                + "cost of goods 60.00, cost to serve 200.00); largest contributor ticket t-1 (-200.00).");
        assertThat(change.occurredAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Test
    void keepsInTheHistoryFormOnlyWhatTheHistoryViewShows() {
        String history = OutboxEntry.historyOf(OutboxEntry.fields(ENTRY));
        CustomerTierChanged full = OutboxEntry.parse("c-1", ENTRY, POLICY);
        CustomerTierChanged shown = OutboxEntry.parse("c-1", history, POLICY);

        assertThat(history).doesNotContain("\"lr\"", "\"traits\"", "ev-6");
        assertThat(shown.reason()).isEqualTo(full.reason());
        assertThat(shown.window()).isEqualTo(full.window());
        assertThat(shown.stateVersion()).isEqualTo(2);
        assertThat(shown.contributors()).hasSize(1);
    }

    @Test
    void keepsAReferenceThatContainsTheSeparator() {
        Contributor c = OutboxEntry.contributor("20419|ev-9|order|PO|2026|x|2026-11-27T10:00:00Z|-1500");

        assertThat(c.eventId()).isEqualTo("ev-9");
        assertThat(c.reference()).isEqualTo("PO|2026|x");
        assertThat(c.profitImpact()).isEqualTo(Money.parse("-15.00"));
    }
}
