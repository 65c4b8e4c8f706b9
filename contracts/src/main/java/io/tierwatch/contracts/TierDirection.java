package io.tierwatch.contracts;

/** Which way a tier change went: A is the best tier, D the worst. */
public enum TierDirection {
    INITIAL,
    UPGRADE,
    DOWNGRADE;

    public static TierDirection between(Tier previous, Tier next) {
        if (previous == null) {
            return INITIAL;
        }
        return next.ordinal() < previous.ordinal() ? UPGRADE : DOWNGRADE;
    }
}
