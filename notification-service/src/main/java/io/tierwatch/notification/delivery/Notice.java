package io.tierwatch.notification.delivery;

import java.util.List;

import io.tierwatch.notification.alerts.Alert;

/** What one delivery carries: a single alert, or a rep's daily digest of several. */
public record Notice(String id, List<Alert> alerts, boolean digest) {

    public Notice {
        alerts = List.copyOf(alerts);
    }

    public static Notice single(Alert alert) {
        return new Notice(alert.alertId(), List.of(alert), false);
    }
}
