package io.tierwatch.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Tier;

class WindowLedgerTest {

    private final WindowLedger ledger = new WindowLedger(90, new TierPolicy(
            new PolicySettings(100_000, 10_000, 50, 10, 5_000, "p1")),
            new TraitRules(new TraitSettings(30, 365, 90, 1_000_000, 20)));

    @Test
    void letsALateEventTouchTheLifetimeOnly() {
        ledger.apply(1_000, order(1_000, 50_000, 20_000));
        ledger.apply(900, order(900, 70_000, 10_000));

        assertThat(ledger.window()[0]).isEqualTo(50_000);
        assertThat(ledger.lifetime()[0]).isEqualTo(120_000);
        assertThat(ledger.lifetime()[3]).isEqualTo(2);
    }

    @Test
    void countsAnEventInsideTheWindowEvenIfItArrivesLate() {
        ledger.apply(1_000, order(1_000, 50_000, 20_000));
        ledger.apply(911, order(911, 70_000, 10_000));

        assertThat(ledger.window()[0]).isEqualTo(120_000);
    }

    @Test
    void decaysADormantCustomersWindowAndTier() {
        assertThat(ledger.apply(1_000, order(1_000, 300_000, 100_000))).contains(Tier.A);

        assertThat(ledger.sweep(1_089)).isEmpty();
        Optional<Tier> decayed = ledger.sweep(1_090);

        assertThat(decayed).contains(Tier.B);
        assertThat(ledger.window()).containsOnly(0L);
        assertThat(ledger.previousWindowRevenue()).isEqualTo(300_000);
        assertThat(ledger.version()).isEqualTo(2);
        ledger.sweep(1_180);
        assertThat(ledger.previousWindowRevenue()).isZero();
    }

    @Test
    void subtractsEachBucketAsItLeavesTheWindow() {
        ledger.apply(1_000, order(1_000, 10_000, 0));
        ledger.apply(1_030, order(1_030, 20_000, 0));
        ledger.apply(1_060, order(1_060, 40_000, 0));

        ledger.sweep(1_120);

        assertThat(ledger.window()[0]).isEqualTo(40_000);
        assertThat(ledger.window()[3]).isEqualTo(1);
    }

    private static Delta order(long day, long revenue, long cost) {
        Instant at = LocalDate.ofEpochDay(day).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new Delta("order", "o-" + day, at, revenue, cost, 0, 1, 0);
    }
}
