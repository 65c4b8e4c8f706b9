package io.tierwatch.contracts;

/**
 * The seed's reasons not to drop an unprofitable customer too fast. A drop into D of a
 * customer carrying any of these is an alert to review, not to act.
 */
public enum Trait {
    /** Long tenure and still active. */
    LOYAL,
    /** Large lifetime revenue. */
    BIG,
    /** Revenue growing window over window. */
    POTENTIAL,
    /** Flagged strategic in the customer master data. */
    STRATEGIC,
    /** Short tenure: too early to judge. */
    NEW
}
