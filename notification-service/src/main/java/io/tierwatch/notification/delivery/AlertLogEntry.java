package io.tierwatch.notification.delivery;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.tierwatch.contracts.Money;
import io.tierwatch.notification.alerts.Alert;
import io.tierwatch.notification.alerts.AlertText;

/**
 * One alert as the delivery log and the live page show it: the alert, whether it was held back
 * (SNOOZED, COOLDOWN) or ACCEPTED, the delivery mode, each channel's attempts and outcome, and who
 * acknowledged it when (null until someone does).
 */
public record AlertLogEntry(@JsonUnwrapped Alert alert, Money windowProfit, String text, String status, String mode,
        List<ChannelDelivery> deliveries, String acknowledgedBy, java.time.Instant acknowledgedAt) {

    public record ChannelDelivery(Channel channel, int attempts, String outcome, String lastError,
            java.time.Instant updatedAt) {
    }

    static AlertLogEntry of(Alert alert, String status, String mode, List<ChannelDelivery> deliveries) {
        return of(alert, status, mode, deliveries, null);
    }

    /** {@code ack}: the stored acknowledgement, "{@code <who> <epoch millis>}", or null. */
    static AlertLogEntry of(Alert alert, String status, String mode, List<ChannelDelivery> deliveries, String ack) {
        int space = ack == null ? -1 : ack.lastIndexOf(' ');
        return new AlertLogEntry(alert, alert.windowProfit(), AlertText.text(alert), status, mode, deliveries,
                space < 0 ? null : ack.substring(0, space),
                space < 0 ? null : java.time.Instant.ofEpochMilli(Long.parseLong(ack.substring(space + 1))));
    }
}
