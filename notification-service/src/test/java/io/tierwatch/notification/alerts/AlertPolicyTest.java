package io.tierwatch.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Trait;
import io.tierwatch.notification.Events;

class AlertPolicyTest {

    private final AlertPolicy policy = new AlertPolicy(EnumSet.of(Trait.LOYAL, Trait.STRATEGIC), true, false);

    private Optional<AlertPolicy.Decision> decide(Tier from, Tier to, Set<Trait> traits) {
        return policy.decide(Events.tierChange("c-1", 2, from, to, -1, traits), traits);
    }

    @Test
    void asksToActWhenAnUnprotectedCustomerDropsIntoLoss() {
        assertThat(decide(Tier.B, Tier.D, Set.of())).contains(new AlertPolicy.Decision(AlertRule.LOSS, Action.ACT));
    }

    @Test
    void asksToReviewWhenTheCustomerCarriesAProtectiveTrait() {
        assertThat(decide(Tier.C, Tier.D, Set.of(Trait.LOYAL)))
                .contains(new AlertPolicy.Decision(AlertRule.LOSS, Action.REVIEW));
    }

    @Test
    void aTraitThatIsNotConfiguredAsProtectiveDoesNotTurnActIntoReview() {
        assertThat(decide(Tier.C, Tier.D, Set.of(Trait.BIG))).contains(new AlertPolicy.Decision(AlertRule.LOSS, Action.ACT));
    }

    @Test
    void aFirstTierOfLossAlerts() {
        assertThat(decide(null, Tier.D, Set.of())).map(AlertPolicy.Decision::rule).contains(AlertRule.LOSS);
    }

    @Test
    void leavingTheValueTierIsAHeadsUp() {
        assertThat(decide(Tier.A, Tier.C, Set.of())).contains(new AlertPolicy.Decision(AlertRule.LEFT_A, Action.HEADS_UP));
    }

    @Test
    void recoveriesAreSilentUnlessSwitchedOn() {
        assertThat(decide(Tier.D, Tier.B, Set.of())).isEmpty();
        AlertPolicy withRecoveries = new AlertPolicy(Set.of(), false, true);
        assertThat(withRecoveries.decide(Events.tierChange("c-1", 3, Tier.D, Tier.B, 1, Set.of()), Set.of()))
                .contains(new AlertPolicy.Decision(AlertRule.RECOVERY, Action.INFO));
    }

    @Test
    void movesBetweenProfitableTiersOutsideAAreSilent() {
        assertThat(decide(Tier.B, Tier.C, Set.of())).isEmpty();
        assertThat(decide(Tier.C, Tier.A, Set.of())).isEmpty();
    }

    @Test
    void mayAlertAnswersAsDecideDoesForEveryMoveWhateverTheTraits() {
        Tier[] from = {null, Tier.A, Tier.B, Tier.C, Tier.D};
        for (AlertPolicy p : new AlertPolicy[] {policy, new AlertPolicy(Set.of(), false, true)}) {
            for (Tier f : from) {
                for (Tier t : Tier.values()) {
                    var change = Events.tierChange("c-1", 2, f, t, -1, Set.of());
                    for (Set<Trait> traits : List.<Set<Trait>>of(Set.of(), EnumSet.allOf(Trait.class))) {
                        assertThat(p.mayAlert(change)).as("%s -> %s with %s", f, t, traits)
                                .isEqualTo(p.decide(change, traits).isPresent());
                    }
                }
            }
        }
        assertThat(policy.mayAlert(Events.tierChange("c-1", 1, null, Tier.B, 1, Set.of()))).isFalse();
    }
}
