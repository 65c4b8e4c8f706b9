package io.tierwatch.notification.alerts;

/** Which rule a tier change matched; the tag of the alert meters. */
public enum AlertRule {
    /** Dropped into D, the loss tier. */
    LOSS,
    /** Left A, the value tier, for anything but D: a heads-up. */
    LEFT_A,
    /** Climbed out of D: only when recoveries are switched on. */
    RECOVERY
}
