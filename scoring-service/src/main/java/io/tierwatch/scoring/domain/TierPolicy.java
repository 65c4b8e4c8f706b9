package io.tierwatch.scoring.domain;

import io.tierwatch.contracts.Tier;

/**
 * The seed's tiers on the trailing window, with hysteresis. The apply script in
 * {@code redis/apply.lua} implements the same rules; a test proves they agree.
 */
public final class TierPolicy {

    private final PolicySettings settings;

    public TierPolicy(PolicySettings settings) {
        this.settings = settings;
    }

    public PolicySettings settings() {
        return settings;
    }

    /** The tier for these window figures, given the current tier (null before the first). */
    public Tier decide(long profit, long grossMargin, long costToServe, Tier current) {
        if (profit < 0) {
            return Tier.D;
        }
        if (current == Tier.D && profit < settings.lossExitBand()) {
            return Tier.D;
        }
        long aLow = current == Tier.A ? settings.aThreshold() - settings.aBand() : settings.aThreshold();
        if (profit >= aLow) {
            return Tier.A;
        }
        long percent = current == Tier.C
                ? settings.overServedPercent() - settings.overServedBandPercent()
                : settings.overServedPercent();
        if (costToServe > 0 && Math.multiplyExact(costToServe, 100L) >= Math.multiplyExact(percent, grossMargin)) {
            return Tier.C;
        }
        return Tier.B;
    }
}
