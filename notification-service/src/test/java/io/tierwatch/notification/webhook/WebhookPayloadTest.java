package io.tierwatch.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Trait;
import io.tierwatch.notification.Events;
import io.tierwatch.notification.alerts.Action;
import io.tierwatch.notification.alerts.Alert;
import io.tierwatch.notification.alerts.AlertRule;
import tools.jackson.databind.JsonNode;

class WebhookPayloadTest {

    @Test
    void carriesTheAlertFlatWithDecimalStringMoneyAndASlackText() {
        CustomerTierChanged change = Events.tierChange("c-42", 7, Tier.C, Tier.D, -123_456, Set.of(Trait.LOYAL));
        Alert alert = new Alert(change.eventId(), "rep-1", "c-42", "Acme", "rep-1", AlertRule.LOSS, Action.REVIEW,
                Tier.C, Tier.D, 90, change.window(), change.lifetime(), change.traits(), change.reason(),
                change.contributors(), change.occurredAt(), Instant.parse("2026-11-27T05:00:00Z"));

        JsonNode json = CloudEventsKafka.json().valueToTree(WebhookPayload.of(alert));

        assertThat(json.path("eventId").asString()).isEqualTo("tier:c-42:7");
        assertThat(json.path("alertId").asString()).isEqualTo("tier:c-42:7");
        assertThat(json.path("customerName").asString()).isEqualTo("Acme");
        assertThat(json.path("windowProfit").isString()).isTrue();
        assertThat(json.path("windowProfit").asString()).isEqualTo("-1234.56");
        assertThat(json.path("window").path("costToServe").asString()).isEqualTo("1634.56");
        assertThat(json.path("createdAt").asString()).isEqualTo("2026-11-27T05:00:00Z");
        assertThat(json.path("text").asString())
                .isEqualTo("*REVIEW*: Acme (c-42) moved from tier C to D. Profit over 90 days: -1234.56. Traits: LOYAL."
                        + " Why: Window profit fell to -1234.56 after ticket T-c-42."
                        + " Largest contributors: service-ticket T-c-42 -1634.56.");
        assertThat(json.has("alert")).as("the alert is unwrapped, not nested").isFalse();
    }
}
