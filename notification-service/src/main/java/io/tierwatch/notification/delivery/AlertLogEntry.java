package io.tierwatch.notification.delivery;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.tierwatch.contracts.Money;
import io.tierwatch.notification.alerts.Alert;
import io.tierwatch.notification.alerts.AlertText;

/**
 * One alert as the delivery log and the live page show it: the alert, whether it was held back
 * (SNOOZED, COOLDOWN) or ACCEPTED, the delivery mode, and each channel's attempts and outcome.
 */
public record AlertLogEntry(@JsonUnwrapped Alert alert, Money windowProfit, String text, String status, String mode,
        List<ChannelDelivery> deliveries) {

    public record ChannelDelivery(Channel channel, int attempts, String outcome, String lastError,
            java.time.Instant updatedAt) {
    }

    static AlertLogEntry of(Alert alert, String status, String mode, List<ChannelDelivery> deliveries) {
        return new AlertLogEntry(alert, alert.windowProfit(), AlertText.text(alert), status, mode, deliveries);
    }
}
