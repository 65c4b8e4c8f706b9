package io.tierwatch.order.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.tierwatch.order.OrderServiceProperties;

/**
 * Refuses an event dated further ahead of this service's clock than
 * {@code tierwatch.limits.max-future-skew} (1 h): an order of the year 3000 is a typo, and once
 * on Kafka it would sit in a customer's history for good (a month "3000-01" in the portfolio).
 */
@Component
public class EventTimes {

    private final Clock clock;
    private final Duration maxFutureSkew;

    EventTimes(Clock clock, OrderServiceProperties properties) {
        this.clock = clock;
        this.maxFutureSkew = properties.limits().maxFutureSkew();
    }

    /** The latest event time accepted now. */
    public Instant latest() {
        return clock.instant().plus(maxFutureSkew);
    }

    /** The reason an event time is refused, or null. */
    public static String refusal(Instant occurredAt, Instant latest) {
        return occurredAt != null && occurredAt.isAfter(latest)
                ? "is " + occurredAt + ", in the future: at most " + latest + " is accepted now (tierwatch.limits.max-future-skew)"
                : null;
    }

    /** Throws a 400 naming {@code field} if {@code occurredAt} lies too far ahead. */
    public void requireNotAhead(Instant occurredAt, String field) {
        String refusal = refusal(occurredAt, latest());
        if (refusal != null) {
            throw new InvalidRequestException(field, refusal);
        }
    }
}
