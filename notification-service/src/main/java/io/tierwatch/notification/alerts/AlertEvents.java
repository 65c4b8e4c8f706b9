package io.tierwatch.notification.alerts;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tierwatch.notification.delivery.DeliveryKeys;
import redis.clients.jedis.JedisPooled;

/**
 * What happens once an alert is decided: the alert meter, and a note on Redis pub/sub so every
 * instance's live page streams the new alert to whoever is watching.
 */
@Component
class AlertEvents {

    private final MeterRegistry meters;
    private final JedisPooled jedis;

    AlertEvents(MeterRegistry meters, JedisPooled jedis) {
        this.meters = meters;
        this.jedis = jedis;
        // Every series exists from the start, so dashboards and rate() work before the first alert.
        for (AlertRule rule : AlertRule.values()) {
            for (AlertRecorder.Outcome outcome : AlertRecorder.Outcome.values()) {
                counter(rule, outcome);
            }
        }
    }

    void recorded(AlertRule rule, AlertRecorder.Outcome outcome, Alert alert) {
        counter(rule, outcome).increment();
        if (alert != null) {
            jedis.publish(DeliveryKeys.LIVE_CHANNEL, alert.alertId());
        }
    }

    private Counter counter(AlertRule rule, AlertRecorder.Outcome outcome) {
        return Counter.builder("tierwatch.alerts").description("Alerts decided, by rule and outcome")
                .tag("rule", rule.name()).tag("outcome", outcome.name()).register(meters);
    }
}
