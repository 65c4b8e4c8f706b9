package io.tierwatch.notification.webhook;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.tierwatch.contracts.Money;
import io.tierwatch.notification.alerts.Alert;
import io.tierwatch.notification.alerts.AlertText;

/**
 * The JSON a webhook receives for one alert: every field of the alert, the tier event id, the
 * window profit as a decimal string, and {@code text}, which makes the body a valid Slack
 * incoming-webhook message as it is.
 */
record WebhookPayload(@JsonUnwrapped Alert alert, String eventId, Money windowProfit, String text) {

    static WebhookPayload of(Alert alert) {
        return new WebhookPayload(alert, alert.eventId(), alert.windowProfit(), AlertText.text(alert));
    }

    /** A digest: the alerts in full, and one text line per alert. */
    record Digest(String digestId, String repId, int count, List<WebhookPayload> alerts, String text) {
    }
}
