package io.tierwatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.Tier;
import io.tierwatch.notification.Api;
import io.tierwatch.notification.Events;
import io.tierwatch.notification.NotificationServiceIT;
import io.tierwatch.testsupport.KafkaProbe;
import tools.jackson.databind.JsonNode;

/** A rep added through the reps API whose webhook fails on demand (max 3 attempts in the test context). */
class DeliveryFailureIT extends NotificationServiceIT {

    @Test
    void retriesAFailingWebhookWithBackoffUntilItAnswers() {
        addFlakyRep("rep-flaky-1");
        String customerId = newCustomerId();
        givenCustomer(customerId, "Retry Me", "rep-flaky-1", false);
        FLAKY.failNext(2);

        Events.send(Events.tierChange(customerId, 2, Tier.B, Tier.D, -1, Set.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !FLAKY.receivedFor(customerId).isEmpty());
        assertThat(FLAKY.failures()).isGreaterThanOrEqualTo(2);
        JsonNode delivery = await().atMost(Duration.ofSeconds(10))
                .until(() -> webhookDelivery("rep-flaky-1", customerId), d -> "DELIVERED".equals(d.path("outcome").asString()));
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void deadLettersADeliveryThatKeepsFailingAndTheLogSaysSo() {
        addFlakyRep("rep-flaky-2");
        String customerId = newCustomerId();
        givenCustomer(customerId, "Never Reached", "rep-flaky-2", false);
        try (KafkaProbe probe = KafkaProbe.watching("tierwatch.alert-deliveries.DLT")) {
            FLAKY.failNext(1_000);

            Events.send(Events.tierChange(customerId, 2, Tier.B, Tier.D, -1, Set.of()));

            ConsumerRecord<String, byte[]> dead = probe.await(1,
                    r -> ("tier:" + customerId + ":2").equals(r.key()), Duration.ofSeconds(30)).get(0);
            JsonNode body = CloudEventsKafka.json().readTree(dead.value());
            assertThat(body.path("repId").asString()).isEqualTo("rep-flaky-2");
            assertThat(body.path("channel").asString()).isEqualTo("WEBHOOK");
            assertThat(body.path("attempts").asInt()).isEqualTo(3);
            assertThat(body.path("alerts").get(0).path("customerId").asString()).isEqualTo(customerId);
            assertThat(new String(dead.headers().lastHeader("tierwatch_error").value(), StandardCharsets.UTF_8))
                    .contains("503");
        } finally {
            FLAKY.failNext(0);
        }
        JsonNode delivery = await().atMost(Duration.ofSeconds(10))
                .until(() -> webhookDelivery("rep-flaky-2", customerId), d -> "DEAD_LETTERED".equals(d.path("outcome").asString()));
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("lastError").asString()).contains("503").doesNotContain("/hook");
        assertThat(FLAKY.receivedFor(customerId)).isEmpty();
    }

    private void addFlakyRep(String repId) {
        Api.Response added = Api.as(baseUrl(), "admin").put("/api/v1/reps/" + repId,
                "{\"name\":\"Flaky\",\"webhookUrl\":\"" + FLAKY.url() + "\",\"webhookSecret\":\"" + FLAKY.secret() + "\"}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).doesNotContain(FLAKY.secret());
    }

    private JsonNode webhookDelivery(String repId, String customerId) {
        return Api.as(baseUrl(), "admin").get("/api/v1/alerts?rep=" + repId).json().valueStream()
                .filter(e -> customerId.equals(e.path("customerId").asString()))
                .map(e -> e.path("deliveries").get(0)).findFirst().orElse(CloudEventsKafka.json().missingNode());
    }
}
