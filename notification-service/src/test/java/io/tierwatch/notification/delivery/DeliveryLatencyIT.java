package io.tierwatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.tierwatch.contracts.Tier;
import io.tierwatch.notification.Events;
import io.tierwatch.notification.NotificationServiceIT;

/**
 * A burst of loss alerts, each delivered exactly once; logs the event-to-webhook time the
 * service's own histogram measured (a figure for the docs, not an assertion).
 */
class DeliveryLatencyIT extends NotificationServiceIT {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLatencyIT.class);
    private static final int ALERTS = 100;

    @Autowired
    MeterRegistry meters;

    @Test
    void aBurstOfDropsIsDeliveredOneWebhookPerCustomer() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            String customerId = newCustomerId();
            ids.add(customerId);
            Events.customer(customerId, "Burst " + i, "rep-3", false);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> customers.find(id).isPresent()));
        Timer timer = meters.find("tierwatch.alert.delivery.latency").tag("channel", "WEBHOOK").timer();
        HistogramSnapshot before = timer == null ? null : timer.takeSnapshot();

        ids.forEach(id -> Events.send(Events.tierChange(id, 2, Tier.B, Tier.D, -1, Set.of())));

        await().atMost(Duration.ofSeconds(120)).until(() -> ids.stream().allMatch(id -> !REP_3.receivedFor(id).isEmpty()));
        ids.forEach(id -> assertThat(REP_3.receivedFor(id)).hasSize(1));
        HistogramSnapshot after = meters.find("tierwatch.alert.delivery.latency").tag("channel", "WEBHOOK").timer()
                .takeSnapshot();
        log.info("Event-to-webhook over {} alerts (all webhook deliveries so far, {} before the burst): mean {} ms, "
                + "max {} ms, percentiles {}", ALERTS, before == null ? 0 : before.count(),
                Math.round(after.mean(TimeUnit.MILLISECONDS)), Math.round(after.max(TimeUnit.MILLISECONDS)),
                percentiles(after));
    }

    private static String percentiles(HistogramSnapshot snapshot) {
        StringBuilder out = new StringBuilder();
        for (ValueAtPercentile p : snapshot.percentileValues()) {
            out.append("p").append(Math.round(p.percentile() * 100)).append("=")
                    .append(Math.round(p.value(TimeUnit.MILLISECONDS))).append("ms ");
        }
        return out.toString().trim();
    }
}
