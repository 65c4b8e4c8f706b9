package io.tierwatch.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.tierwatch.contracts.Topics;
import io.tierwatch.contracts.Trait;
import io.tierwatch.notification.reps.Rep;

/**
 * Everything notification-service binds under {@code tierwatch}. Reps come from here (and the
 * reps API); rules, delivery and topics have defaults that fit a small sales team.
 */
@ConfigurationProperties(prefix = "tierwatch")
public record NotificationProperties(
        @DefaultValue Redis redis,
        @DefaultValue TopicNames topics,
        List<Rep> reps,
        @DefaultValue Rules rules,
        @DefaultValue Delivery delivery,
        @DefaultValue Digest digest,
        @DefaultValue Mail mail) {

    public NotificationProperties {
        reps = reps == null ? List.of() : List.copyOf(reps);
    }

    public record Redis(@DefaultValue("redis://localhost:6379") URI url) {
    }

    public record TopicNames(
            @DefaultValue(Topics.CUSTOMERS) String customers,
            @DefaultValue(Topics.CUSTOMER_TIER_CHANGES) String tierChanges,
            @DefaultValue(Topics.ALERT_DELIVERY_DEAD_LETTERS) String deliveryDeadLetters,
            @DefaultValue("notification-service-customers") String customersGroup,
            @DefaultValue("notification-service") String tierChangesGroup) {
    }

    /**
     * Which tier changes alert whom. A drop into D always alerts (ACT, or REVIEW when the customer
     * carries a protective trait); leaving A is a heads-up; recoveries out of D only when asked.
     */
    public record Rules(
            @DefaultValue({"LOYAL", "BIG", "POTENTIAL", "STRATEGIC", "NEW"}) Set<Trait> protectiveTraits,
            @DefaultValue("true") boolean headsUpOnLeavingA,
            @DefaultValue("false") boolean recoveries,
            String fallbackRepId,
            @DefaultValue("6h") Duration cooldown,
            @DefaultValue("30d") Duration dedupeTtl) {
    }

    /** Retries with exponential backoff, then the dead-letter topic. */
    public record Delivery(
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("60s") Duration lease,
            @DefaultValue("10s") Duration webhookTimeout,
            @DefaultValue("8") int concurrency,
            @DefaultValue({}) java.util.List<java.net.URI> webhookAllowList) {
    }

    /** When digest reps get their batch: a cron expression in the given zone. */
    public record Digest(@DefaultValue("0 0 8 * * *") String cron, @DefaultValue("UTC") String zone) {
    }

    /** The sender of alert emails; email is a channel only when spring.mail.host is set. */
    public record Mail(@DefaultValue("tierwatch@localhost") String from) {
    }
}
