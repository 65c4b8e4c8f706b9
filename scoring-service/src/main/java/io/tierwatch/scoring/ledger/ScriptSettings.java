package io.tierwatch.scoring.ledger;

import java.util.List;

import io.tierwatch.scoring.domain.PolicySettings;
import io.tierwatch.scoring.domain.TraitSettings;

/** The configuration the apply script receives in ARGV 20–33 on every call. */
public record ScriptSettings(int windowDays, PolicySettings policy, TraitSettings traits, int contributorsKept,
        int historyKept) {

    List<String> argv() {
        return List.of(String.valueOf(windowDays), String.valueOf(policy.aThreshold()), String.valueOf(policy.aBand()),
                String.valueOf(policy.overServedPercent()), String.valueOf(policy.overServedBandPercent()),
                String.valueOf(policy.lossExitBand()), policy.version(), String.valueOf(contributorsKept),
                String.valueOf(traits.newDays()), String.valueOf(traits.loyalDays()),
                String.valueOf(traits.activeDays()), String.valueOf(traits.bigRevenue()),
                String.valueOf(traits.growthPercent()), String.valueOf(historyKept));
    }
}
