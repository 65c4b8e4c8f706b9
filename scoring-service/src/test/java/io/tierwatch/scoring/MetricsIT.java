package io.tierwatch.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.contracts.Topics;
import io.tierwatch.testsupport.KafkaProbe;

@ScoringIT
class MetricsIT {

    @LocalServerPort
    int port;

    @Test
    void exposesScoringMetersForPrometheus() {
        String customer = TestEvents.customer("metrics");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "10.00", "20.00"));
            TierEvents.await(probe, customer, 1);
        }

        String metrics = Http.get(port, "/actuator/prometheus").body();

        assertThat(metrics).containsPattern("tierwatch_scoring_records_total\\{[^}]*outcome=\"applied\"[^}]*} [1-9]")
                .containsPattern("tierwatch_scoring_tier_transitions_total\\{[^}]*from=\"none\"[^}]*to=\"D\"")
                .contains("tierwatch_scoring_batch_apply_seconds_count")
                .contains("tierwatch_scoring_event_lag_seconds_count")
                .contains("tierwatch_scoring_event_lag_seconds_bucket{")
                .containsPattern("tierwatch_scoring_customers\\{[^}]*tier=\"D\"[^}]*} [1-9]")
                .contains("application=\"scoring-service\"");
        assertThat(Http.get(port, "/actuator/health").body()).contains("UP");
    }

    @Test
    void keepsBackFilledHistoryOutOfTheLiveEventLag() {
        double before = value(Http.get(port, "/actuator/prometheus").body(), "tierwatch_scoring_backfill_events_total");
        String customer = TestEvents.customer("history");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            // an order of December 2010, as an import of the UCI history sends it
            TestEvents.sendOrder(TestEvents.order(customer, Instant.parse("2010-12-01T08:26:00Z"), "10.00", "20.00"));
            TierEvents.await(probe, customer, 1);
        }

        String metrics = Http.get(port, "/actuator/prometheus").body();

        assertThat(value(metrics, "tierwatch_scoring_backfill_events_total")).isEqualTo(before + 1);
        assertThat(value(metrics, "tierwatch_scoring_event_lag_seconds_sum")).isBetween(0.0, 86_400.0 * 1_000);
        assertThat(value(metrics, "tierwatch_scoring_event_lag_seconds_max")).isLessThanOrEqualTo(86_400.0);
    }

    /** The value of the first sample of a meter (its tags ignored). */
    private static double value(String scrape, String name) {
        return scrape.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
    }
}
