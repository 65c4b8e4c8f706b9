package io.tierwatch.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Tier;
import io.tierwatch.notification.Api;
import io.tierwatch.notification.Events;
import io.tierwatch.notification.NotificationServiceIT;
import tools.jackson.databind.JsonNode;

class AlertRoutingIT extends NotificationServiceIT {

    @Test
    void sendsTheAlertOfACustomerWithoutAnOwnerToTheFallbackManager() {
        String customerId = newCustomerId();
        givenCustomer(customerId, "Nobody's Customer", null, false);

        Events.send(Events.tierChange(customerId, 2, Tier.C, Tier.D, -700, Set.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !BOSS.receivedFor(customerId).isEmpty());
        JsonNode body = BOSS.receivedFor(customerId).get(0).body();
        assertThat(body.path("repId").asString()).isEqualTo("boss");
        assertThat(body.path("ownerRepId").isNull()).isTrue();
        assertThat(BOSS.receivedFor(customerId).get(0).signatureValid()).isTrue();
    }

    @Test
    void aFlappingCustomerAlertsOnceWithinTheCooldown() {
        String customerId = newCustomerId();
        givenCustomer(customerId, "Hover Ltd", "rep-3", false);

        Events.send(Events.tierChange(customerId, 2, Tier.C, Tier.D, -100, Set.of()));
        Events.send(Events.tierChange(customerId, 3, Tier.D, Tier.C, 100, Set.of()));
        Events.send(Events.tierChange(customerId, 4, Tier.C, Tier.D, -100, Set.of()));

        Api rep3 = Api.as(baseUrl(), "rep-3");
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(rep3, customerId, 4) != null);
        assertThat(statusOf(rep3, customerId, 4)).isEqualTo("COOLDOWN");
        await().atMost(Duration.ofSeconds(30)).until(() -> !REP_3.receivedFor(customerId).isEmpty());
        assertThat(REP_3.receivedFor(customerId)).hasSize(1);
        assertThat(REP_3.receivedFor(customerId).get(0).body().path("eventId").asString())
                .isEqualTo("tier:" + customerId + ":2");
    }

    @Test
    void aSnoozedCustomerIsRecordedButNotDeliveredUntilTheSnoozeIsLifted() {
        String customerId = newCustomerId();
        givenCustomer(customerId, "Quiet Please", "rep-3", false);
        Api rep3 = Api.as(baseUrl(), "rep-3");

        Api.Response snoozed = rep3.post("/api/v1/customers/" + customerId + "/snooze",
                "{\"until\":\"" + LocalDate.now().plusDays(3) + "\"}");
        assertThat(snoozed.status()).isEqualTo(200);
        Events.send(Events.tierChange(customerId, 2, Tier.B, Tier.D, -100, Set.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(rep3, customerId, 2) != null);
        assertThat(statusOf(rep3, customerId, 2)).isEqualTo("SNOOZED");

        assertThat(rep3.send("DELETE", "/api/v1/customers/" + customerId + "/snooze").status()).isEqualTo(204);
        Events.send(Events.tierChange(customerId, 3, Tier.D, Tier.A, 900_000, Set.of()));
        Events.send(Events.tierChange(customerId, 4, Tier.A, Tier.B, 1_000, Set.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !REP_3.receivedFor(customerId).isEmpty());
        assertThat(REP_3.receivedFor(customerId)).extracting(r -> r.body().path("rule").asString())
                .containsExactly("LEFT_A");
    }

    @Test
    void anotherRepMayNotSnoozeSomeoneElsesCustomerAndAPastDateIsRefused() {
        String customerId = newCustomerId();
        givenCustomer(customerId, "Mine", "rep-1", false);

        Api.Response foreign = Api.as(baseUrl(), "rep-2").post("/api/v1/customers/" + customerId + "/snooze",
                "{\"until\":\"" + LocalDate.now().plusDays(1) + "\"}");
        // another rep's customer is not found, as an unknown one is: ids cannot be probed
        assertThat(foreign.status()).isEqualTo(404);
        Api.Response past = Api.as(baseUrl(), "rep-1").post("/api/v1/customers/" + customerId + "/snooze",
                "{\"until\":\"2001-01-01\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.contentType()).startsWith("application/problem+json");
        assertThat(past.json().path("field").asString()).isEqualTo("until");
    }

    static String statusOf(Api api, String customerId, long version) {
        List<JsonNode> entries = api.get("/api/v1/alerts?limit=500").json().valueStream()
                .filter(e -> ("tier:" + customerId + ":" + version).equals(e.path("alertId").asString())).toList();
        return entries.isEmpty() ? null : entries.get(0).path("status").asString();
    }
}
