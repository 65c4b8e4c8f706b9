package io.tierwatch.notification.alerts;

/** What the rep is asked to do. */
public enum Action {
    /** A loss customer without a protective trait: act on it (prices, service terms). */
    ACT,
    /** A loss customer with a protective trait (the seed's reasons to keep it): review before acting. */
    REVIEW,
    /** Left the value tier: worth a look. */
    HEADS_UP,
    /** Recovered from loss: for information. */
    INFO
}
