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
                .containsPattern("tierwatch_scoring_customers\\{[^}]*tier=\"D\"[^}]*} [1-9]")
                .contains("application=\"scoring-service\"");
        assertThat(Http.get(port, "/actuator/health").body()).contains("UP");
    }
}
