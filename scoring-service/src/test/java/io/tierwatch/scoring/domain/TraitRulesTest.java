package io.tierwatch.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Trait;

class TraitRulesTest {

    // NEW < 30 days, LOYAL >= 365 days and active in 90, BIG >= 10,000.00, POTENTIAL +20%
    private final TraitRules rules = new TraitRules(new TraitSettings(30, 365, 90, 1_000_000, 20));

    @Test
    void marksAShortTenureNew() {
        assertThat(rules.of(100L, 80L, 100L, 0, 0, 0, false)).containsExactly(Trait.NEW);
        assertThat(rules.of(100L, 70L, 100L, 0, 0, 0, false)).isEmpty();
    }

    @Test
    void marksALongTenureLoyalOnlyWhileStillActive() {
        assertThat(rules.of(1000L, 600L, 950L, 0, 0, 0, false)).containsExactly(Trait.LOYAL);
        assertThat(rules.of(1000L, 600L, 900L, 0, 0, 0, false)).isEmpty();
        assertThat(rules.of(1000L, 636L, 1000L, 0, 0, 0, false)).isEmpty();
    }

    @Test
    void marksLargeLifetimeRevenueBig() {
        assertThat(rules.of(null, null, null, 1_000_000, 0, 0, false)).containsExactly(Trait.BIG);
        assertThat(rules.of(null, null, null, 999_999, 0, 0, false)).isEmpty();
    }

    @Test
    void marksGrowingRevenuePotential() {
        assertThat(rules.of(null, null, null, 0, 12_000, 10_000, false)).containsExactly(Trait.POTENTIAL);
        assertThat(rules.of(null, null, null, 0, 11_999, 10_000, false)).isEmpty();
        assertThat(rules.of(null, null, null, 0, 12_000, 0, false)).isEmpty();
    }

    @Test
    void carriesTheStrategicFlagOfMasterData() {
        assertThat(rules.of(null, null, null, 0, 0, 0, true)).containsExactly(Trait.STRATEGIC);
    }
}
