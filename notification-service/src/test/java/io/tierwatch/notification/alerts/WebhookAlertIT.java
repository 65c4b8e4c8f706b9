package io.tierwatch.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Topics;
import io.tierwatch.contracts.Trait;
import io.tierwatch.notification.Events;
import io.tierwatch.notification.NotificationServiceIT;
import io.tierwatch.notification.WebhookReceiver;
import io.tierwatch.testsupport.KafkaProbe;
import tools.jackson.databind.JsonNode;

class WebhookAlertIT extends NotificationServiceIT {

    @Autowired
    MeterRegistry meters;

    @Test
    void alertsTheOwnerOnceWhenACustomerDropsIntoLossEvenIfTheEventComesTwice() {
        String customerId = newCustomerId();
        givenCustomer(customerId, "Acme Trading", "rep-1", false);
        double duplicatesBefore = alerts("DUPLICATE");

        CustomerTierChanged drop = Events.tierChange(customerId, 2, Tier.B, Tier.D, -12_345, Set.of());
        Events.send(drop);
        Events.send(drop);
        // A later change of the same customer (same partition, so read after the duplicate) marks the end.
        Events.send(Events.tierChange(customerId, 3, Tier.D, Tier.C, 1_000, Set.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts("DUPLICATE") > duplicatesBefore);
        await().atMost(Duration.ofSeconds(30)).until(() -> !REP_1.receivedFor(customerId).isEmpty());

        List<WebhookReceiver.Received> received = REP_1.receivedFor(customerId);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).signatureValid()).as("HMAC verifies with the rep's secret").isTrue();
        JsonNode body = received.get(0).body();
        assertThat(body.path("eventId").asString()).isEqualTo(drop.eventId());
        assertThat(body.path("customerId").asString()).isEqualTo(customerId);
        assertThat(body.path("customerName").asString()).isEqualTo("Acme Trading");
        assertThat(body.path("ownerRepId").asString()).isEqualTo("rep-1");
        assertThat(body.path("previousTier").asString()).isEqualTo("B");
        assertThat(body.path("newTier").asString()).isEqualTo("D");
        assertThat(body.path("windowProfit").asString()).isEqualTo("-123.45");
        assertThat(body.path("action").asString()).isEqualTo("ACT");
        assertThat(body.path("reason").asString()).contains("-123.45");
        assertThat(body.path("contributors").get(0).path("reference").asString()).isEqualTo("T-" + customerId);
        assertThat(body.path("window").path("profit").asString()).isEqualTo("-123.45");
        assertThat(body.path("text").asString()).contains("Acme Trading", "*ACT*", "-123.45");
    }

    @Test
    void asksForAReviewWhenTheCustomerIsStrategic() {
        String customerId = newCustomerId();
        givenCustomer(customerId, "Big Partner", "rep-1", true);

        Events.send(Events.tierChange(customerId, 1, null, Tier.D, -50_000, Set.of(Trait.LOYAL)));

        await().atMost(Duration.ofSeconds(30)).until(() -> !REP_1.receivedFor(customerId).isEmpty());
        JsonNode body = REP_1.receivedFor(customerId).get(0).body();
        assertThat(body.path("action").asString()).isEqualTo("REVIEW");
        assertThat(body.path("previousTier").isNull()).isTrue();
        assertThat(body.path("traits").toString()).contains("LOYAL", "STRATEGIC");
    }

    @Test
    void sendsAnUndecodableTierEventToTheDeadLetterTopicAndGoesOn() {
        String customerId = newCustomerId();
        try (KafkaProbe probe = KafkaProbe.watching(Topics.deadLetterOf(Topics.CUSTOMER_TIER_CHANGES))) {
            ProducerRecord<String, byte[]> valid = CloudEventsKafka.toRecord(Topics.CUSTOMER_TIER_CHANGES,
                    EventEnvelope.of(CustomerTierChanged.eventIdOf(customerId, 1), URI.create("urn:test"),
                            Instant.now(), customerId, Events.tierChange(customerId, 1, Tier.B, Tier.D, -1, Set.of())));
            KafkaProbe.send(new ProducerRecord<>(valid.topic(), null, valid.key(),
                    "{not json".getBytes(StandardCharsets.UTF_8), valid.headers()));

            var dead = probe.await(1, r -> customerId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-exception-message").value(),
                    StandardCharsets.UTF_8)).contains("not a valid");
        }
        givenCustomer(customerId, "After The Poison", "rep-1", false);
        Events.send(Events.tierChange(customerId, 2, Tier.B, Tier.D, -1, Set.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !REP_1.receivedFor(customerId).isEmpty());
    }

    /** One poll may hold valid tier changes on both sides of a poison one (the listener takes polls whole). */
    @Test
    void aPoisonRecordAmongValidOnesIsDeadLetteredAndEveryValidOneAlertsOnce() {
        List<String> before = List.of(newCustomerId(), newCustomerId(), newCustomerId());
        List<String> after = List.of(newCustomerId(), newCustomerId(), newCustomerId());
        String poisoned = newCustomerId();
        before.forEach(id -> givenCustomer(id, "Before " + id, "rep-1", false));
        after.forEach(id -> givenCustomer(id, "After " + id, "rep-1", false));
        try (KafkaProbe probe = KafkaProbe.watching(Topics.deadLetterOf(Topics.CUSTOMER_TIER_CHANGES))) {
            before.forEach(id -> Events.send(Events.tierChange(id, 2, Tier.B, Tier.D, -1, Set.of())));
            ProducerRecord<String, byte[]> valid = CloudEventsKafka.toRecord(Topics.CUSTOMER_TIER_CHANGES,
                    EventEnvelope.of(CustomerTierChanged.eventIdOf(poisoned, 1), URI.create("urn:test"),
                            Instant.now(), poisoned, Events.tierChange(poisoned, 1, Tier.B, Tier.D, -1, Set.of())));
            KafkaProbe.send(new ProducerRecord<>(valid.topic(), null, valid.key(),
                    "{not json".getBytes(StandardCharsets.UTF_8), valid.headers()));
            after.forEach(id -> Events.send(Events.tierChange(id, 2, Tier.B, Tier.D, -1, Set.of())));

            probe.await(1, r -> poisoned.equals(r.key()), Duration.ofSeconds(30));
        }
        List<String> all = new ArrayList<>(before);
        all.addAll(after);
        await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().allMatch(id -> !REP_1.receivedFor(id).isEmpty()));
        all.forEach(id -> assertThat(REP_1.receivedFor(id)).as(id).hasSize(1));
        assertThat(REP_1.receivedFor(poisoned)).isEmpty();
    }

    private double alerts(String outcome) {
        var counter = meters.find("tierwatch.alerts").tag("rule", "LOSS").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
