package io.tierwatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.tierwatch.contracts.Tier;
import io.tierwatch.notification.Api;
import io.tierwatch.notification.Events;
import io.tierwatch.notification.NotificationServiceIT;
import io.tierwatch.notification.WebhookReceiver;
import io.tierwatch.notification.reps.RepDirectory;
import tools.jackson.databind.JsonNode;

class DigestIT extends NotificationServiceIT {

    @Autowired
    DigestJob digests;

    @Autowired
    RepDirectory reps;

    @Test
    void aDigestRepGetsTheDaysAlertsInOneSignedBatch() {
        String first = newCustomerId();
        String second = newCustomerId();
        givenCustomer(first, "Digest One", "rep-2", false);
        givenCustomer(second, "Digest Two", "rep-2", false);
        Api rep2 = Api.as(baseUrl(), "rep-2");

        Events.send(Events.tierChange(first, 2, Tier.B, Tier.D, -10, Set.of()));
        Events.send(Events.tierChange(second, 2, Tier.C, Tier.D, -20, Set.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> logged(rep2, first) && logged(rep2, second));
        assertThat(REP_2.all()).as("nothing is sent before the digest").isEmpty();

        assertThat(digests.queueDigest(reps.find("rep-2").orElseThrow())).isEqualTo(2);

        await().atMost(Duration.ofSeconds(30)).until(() -> !REP_2.all().isEmpty());
        List<WebhookReceiver.Received> received = REP_2.all();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).signatureValid()).isTrue();
        JsonNode digest = received.get(0).body();
        assertThat(digest.path("count").asInt()).isEqualTo(2);
        assertThat(digest.path("alerts").valueStream().map(a -> a.path("customerId").asString()))
                .containsExactlyInAnyOrder(first, second);
        assertThat(digest.path("text").asString()).contains("Digest One", "Digest Two");
        await().atMost(Duration.ofSeconds(10)).until(() -> rep2.get("/api/v1/alerts").json().valueStream()
                .allMatch(e -> "DELIVERED".equals(e.path("deliveries").get(0).path("outcome").asString())));
        assertThat(digests.queueDigest(reps.find("rep-2").orElseThrow())).as("nothing left waiting").isZero();
    }

    private static boolean logged(Api api, String customerId) {
        return api.get("/api/v1/alerts").json().valueStream()
                .anyMatch(e -> customerId.equals(e.path("customerId").asString()) && "DIGEST".equals(e.path("mode").asString()));
    }
}
