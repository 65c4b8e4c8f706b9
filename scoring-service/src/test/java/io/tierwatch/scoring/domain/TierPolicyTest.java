package io.tierwatch.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Tier;

class TierPolicyTest {

    // A from 1000.00, A kept down to 900.00, C at 50% (kept down to 40%), D left only at +50.00
    private final TierPolicy policy = new TierPolicy(new PolicySettings(100_000, 10_000, 50, 10, 5_000, "p1"));

    @Test
    void putsALossInDAtOnce() {
        assertThat(policy.decide(-1, 10_000, 10_001, null)).isEqualTo(Tier.D);
        assertThat(policy.decide(-1, 500_000, 500_001, Tier.A)).isEqualTo(Tier.D);
    }

    @Test
    void keepsACustomerInDUntilProfitClearsTheExitBand() {
        assertThat(policy.decide(0, 0, 0, Tier.D)).isEqualTo(Tier.D);
        assertThat(policy.decide(4_999, 4_999, 0, Tier.D)).isEqualTo(Tier.D);
        assertThat(policy.decide(5_000, 5_000, 0, Tier.D)).isEqualTo(Tier.B);
        assertThat(policy.decide(0, 0, 0, null)).isEqualTo(Tier.B);
    }

    @Test
    void keepsAnACustomerInAWithinTheBand() {
        assertThat(policy.decide(100_000, 100_000, 0, Tier.B)).isEqualTo(Tier.A);
        assertThat(policy.decide(99_999, 99_999, 0, Tier.B)).isEqualTo(Tier.B);
        assertThat(policy.decide(90_000, 90_000, 0, Tier.A)).isEqualTo(Tier.A);
        assertThat(policy.decide(89_999, 89_999, 0, Tier.A)).isEqualTo(Tier.B);
    }

    @Test
    void callsACustomerOverServedWhenCostToServeEatsHalfTheMargin() {
        assertThat(policy.decide(5_000, 10_000, 5_000, Tier.B)).isEqualTo(Tier.C);
        assertThat(policy.decide(5_001, 10_000, 4_999, Tier.B)).isEqualTo(Tier.B);
        assertThat(policy.decide(5_500, 10_000, 4_500, Tier.C)).isEqualTo(Tier.C);
        assertThat(policy.decide(6_001, 10_000, 3_999, Tier.C)).isEqualTo(Tier.B);
    }

    @Test
    void ranksAValueCustomerAboveOverServed() {
        assertThat(policy.decide(150_000, 300_000, 150_000, null)).isEqualTo(Tier.A);
    }

    @Test
    void doesNotFlapWhenProfitHoversAroundZero() {
        Tier tier = null;
        int changes = 0;
        long[] profits = {-100, 100, -50, 200, -10, 4_000, -1, 4_900};
        for (long profit : profits) {
            Tier next = policy.decide(profit, Math.max(profit, 0), Math.max(-profit, 0), tier);
            changes += next == tier ? 0 : 1;
            tier = next;
        }
        assertThat(tier).isEqualTo(Tier.D);
        assertThat(changes).isEqualTo(1);
    }
}
