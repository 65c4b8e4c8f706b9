package io.tierwatch.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Topics;
import io.tierwatch.contracts.Trait;
import io.tierwatch.notification.Events;
import io.tierwatch.notification.WebhookReceiver;
import io.tierwatch.notification.customers.CustomerDirectory;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import tools.jackson.databind.JsonNode;

@ExtendWith(RealInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=notification-service",
        "tierwatch.delivery.poll-interval=50ms"})
class WebhookAlertIT {

    static final WebhookReceiver receiver = WebhookReceiver.start("s3cret-rep-1");

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        // A list binds from one property source only, so the whole rep is declared here.
        registry.add("tierwatch.reps[0].id", () -> "rep-1");
        registry.add("tierwatch.reps[0].name", () -> "Wang Wei");
        registry.add("tierwatch.reps[0].email", () -> "wang.wei@example.com");
        registry.add("tierwatch.reps[0].webhook-url", receiver::url);
        registry.add("tierwatch.reps[0].webhook-secret", receiver::secret);
        registry.add("tierwatch.reps[0].password", () -> "{noop}pw-rep-1");
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Autowired
    CustomerDirectory customers;

    @Autowired
    MeterRegistry meters;

    @Test
    void alertsTheOwnerOnceWhenACustomerDropsIntoLossEvenIfTheEventComesTwice() {
        String customerId = "c-" + UUID.randomUUID();
        Events.customer(customerId, "Acme Trading", "rep-1", false);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> customers.find(customerId).map(c -> "rep-1".equals(c.ownerRepId())).orElse(false));
        double duplicatesBefore = duplicates();

        CustomerTierChanged drop = Events.tierChange(customerId, 2, Tier.B, Tier.D, -12_345, Set.of());
        Events.send(drop);
        Events.send(drop);
        // A later change of the same customer (same partition, so read after the duplicate) marks the end.
        Events.send(Events.tierChange(customerId, 3, Tier.D, Tier.C, 1_000, Set.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicatesBefore);
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.receivedFor(customerId).isEmpty());

        List<WebhookReceiver.Received> received = receiver.receivedFor(customerId);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).signatureValid()).as("HMAC verifies with the rep's secret").isTrue();
        JsonNode body = received.get(0).body();
        assertThat(body.path("eventId").asString()).isEqualTo(drop.eventId());
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
        String customerId = "c-" + UUID.randomUUID();
        Events.customer(customerId, "Big Partner", "rep-1", true);
        await().atMost(Duration.ofSeconds(30)).until(() -> customers.find(customerId).isPresent());

        Events.send(Events.tierChange(customerId, 1, null, Tier.D, -50_000, Set.of(Trait.LOYAL)));

        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.receivedFor(customerId).isEmpty());
        JsonNode body = receiver.receivedFor(customerId).get(0).body();
        assertThat(body.path("action").asString()).isEqualTo("REVIEW");
        assertThat(body.path("previousTier").isNull()).isTrue();
        assertThat(body.path("traits").toString()).contains("LOYAL", "STRATEGIC");
    }

    @Test
    void sendsAnUndecodableTierEventToTheDeadLetterTopicAndGoesOn() {
        String customerId = "c-" + UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.watching(Topics.deadLetterOf(Topics.CUSTOMER_TIER_CHANGES))) {
            ProducerRecord<String, byte[]> bad = CloudEventsKafka.toRecord(Topics.CUSTOMER_TIER_CHANGES,
                    EventEnvelope.of(CustomerTierChanged.eventIdOf(customerId, 1), URI.create("urn:test"),
                            Instant.now(), customerId, Events.tierChange(customerId, 1, Tier.B, Tier.D, -1, Set.of())));
            ProducerRecord<String, byte[]> garbled = new ProducerRecord<>(bad.topic(), null, bad.key(),
                    "{not json".getBytes(StandardCharsets.UTF_8), bad.headers());
            KafkaProbe.send(garbled);

            probe.await(1, r -> customerId.equals(r.key()), Duration.ofSeconds(30));
        }
        Events.customer(customerId, "After The Poison", "rep-1", false);
        await().atMost(Duration.ofSeconds(30)).until(() -> customers.find(customerId).isPresent());
        Events.send(Events.tierChange(customerId, 2, Tier.B, Tier.D, -1, Set.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.receivedFor(customerId).isEmpty());
    }

    private double duplicates() {
        var counter = meters.find("tierwatch.alerts").tag("outcome", "DUPLICATE").counter();
        return counter == null ? 0 : counter.count();
    }
}
