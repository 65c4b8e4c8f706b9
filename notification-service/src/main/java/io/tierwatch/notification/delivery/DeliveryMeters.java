package io.tierwatch.notification.delivery;

import java.time.Duration;
import java.time.Instant;

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
        Counter.builder("tierwatch.alert.delivery.retries").description("Failed attempts that will be retried")
                .tag("channel", due.channel().name()).register(meters).increment();
    }

    void deadLettered(DeliveryStore.Due due) {
        count(due, DeliveryState.DEAD_LETTERED);
        Counter.builder("tierwatch.alert.delivery.dead.letters").description("Deliveries given up on")
                .tag("channel", due.channel().name()).register(meters).increment();
    }

    private void count(DeliveryStore.Due due, String outcome) {
        Counter.builder("tierwatch.alert.deliveries").description("Delivery attempts by channel and outcome")
                .tag("channel", due.channel().name()).tag("outcome", outcome).register(meters).increment();
    }
}
