package io.tierwatch.notification.alerts;

import io.tierwatch.contracts.CloudEventsKafka;

/** Alerts as stored in Redis: the same JSON rules as the events (decimal-string money, ISO times). */
public final class AlertJson {

    private AlertJson() {
    }

    public static String write(Alert alert) {
        return CloudEventsKafka.json().writeValueAsString(alert);
    }

    public static Alert read(String json) {
        return CloudEventsKafka.json().readValue(json, Alert.class);
    }
}
