package io.tierwatch.notification.alerts;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tierwatch.notification.delivery.DeliveryKeys;

/**
 * What happens once an alert is decided: the alert meter. (The note on Redis pub/sub that makes
 * every instance's live page stream the new alert is published by accept-alert.lua.)
 */
@Component
class AlertEvents {

    private final MeterRegistry meters;

    AlertEvents(MeterRegistry meters) {
        this.meters = meters;
        // Every series exists from the start, so dashboards and rate() work before the first alert.
        for (AlertRule rule : AlertRule.values()) {
            for (AlertRecorder.Outcome outcome : AlertRecorder.Outcome.values()) {
                counter(rule, outcome);
            }
        }
    }

    /** The live page's note ({@code PUBLISH} on {@link DeliveryKeys#LIVE_CHANNEL}) is sent by accept-alert.lua itself. */
    void recorded(AlertRule rule, AlertRecorder.Outcome outcome) {
        counter(rule, outcome).increment();
    }

    private Counter counter(AlertRule rule, AlertRecorder.Outcome outcome) {
        return Counter.builder("tierwatch.alerts").description("Alerts decided, by rule and outcome")
                .tag("rule", rule.name()).tag("outcome", outcome.name()).register(meters);
    }
}
