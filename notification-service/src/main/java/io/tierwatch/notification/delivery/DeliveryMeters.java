package io.tierwatch.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tierwatch.notification.alerts.Alert;

/** Delivery meters, tagged by channel and outcome only. */
@Component
class DeliveryMeters {

    private final MeterRegistry meters;

    DeliveryMeters(MeterRegistry meters) {
        this.meters = meters;
        // Every series exists from the start, so dashboards and rate() work before the first delivery.
        for (Channel channel : Channel.values()) {
            for (String outcome : List.of(DeliveryState.DELIVERED, DeliveryState.RETRYING, DeliveryState.DEAD_LETTERED)) {
                deliveries(channel, outcome);
            }
            retries(channel);
            deadLetters(channel);
        }
    }

    void delivered(DeliveryStore.Due due, Instant now) {
        count(due, DeliveryState.DELIVERED);
        for (Alert alert : due.notice().alerts()) {
            Timer.builder("tierwatch.alert.delivery.latency")
                    .description("From the tier change to the alert delivered")
                    .tag("channel", due.channel().name()).tag("digest", Boolean.toString(due.notice().digest()))
                    .publishPercentileHistogram().publishPercentiles(0.5, 0.95, 0.99).register(meters)
                    .record(Duration.between(alert.occurredAt(), now));
        }
    }

    void retried(DeliveryStore.Due due) {
        count(due, DeliveryState.RETRYING);
        retries(due.channel()).increment();
    }

    void deadLettered(DeliveryStore.Due due) {
        count(due, DeliveryState.DEAD_LETTERED);
        deadLetters(due.channel()).increment();
    }

    private void count(DeliveryStore.Due due, String outcome) {
        deliveries(due.channel(), outcome).increment();
    }

    private Counter deliveries(Channel channel, String outcome) {
        return Counter.builder("tierwatch.alert.deliveries").description("Delivery attempts by channel and outcome")
                .tag("channel", channel.name()).tag("outcome", outcome).register(meters);
    }

    private Counter retries(Channel channel) {
        return Counter.builder("tierwatch.alert.delivery.retries").description("Failed attempts that will be retried")
                .tag("channel", channel.name()).register(meters);
    }

    private Counter deadLetters(Channel channel) {
        return Counter.builder("tierwatch.alert.delivery.dead.letters").description("Deliveries given up on")
                .tag("channel", channel.name()).register(meters);
    }
}
