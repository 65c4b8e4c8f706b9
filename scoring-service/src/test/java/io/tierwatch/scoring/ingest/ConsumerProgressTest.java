package io.tierwatch.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tierwatch.scoring.config.ScoringProperties;

/** Kafka that does not answer: health says so, with a real client against a port nothing listens on. */
class ConsumerProgressTest {

    @Test
    void reportsKafkaDownWhenTheClusterDoesNotAnswer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 500, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 500));
        ConsumerProgress progress = new ConsumerProgress(new KafkaListenerEndpointRegistry(), admin, "tierwatch-scoring",
                new ScoringProperties.Progress(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMillis(500)),
                meters, Clock.systemUTC());
        try {
            assertThat(progress.kafkaHealth().health().getStatus()).as("before the first check").isEqualTo(Status.UP);

            ConsumerProgress.Snapshot snapshot = progress.check();

            assertThat(snapshot.kafkaReachable()).isFalse();
            assertThat(progress.kafkaHealth().health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(progress.kafkaHealth().health().getDetails()).containsKey("error");
            assertThat(meters.get("tierwatch.scoring.kafka.reachable").gauge().value()).isZero();
            // holding no partition, nothing is stalled
            assertThat(progress.progressHealth().health().getStatus()).isEqualTo(Status.UP);
        } finally {
            progress.destroy();
            admin.close();
        }
    }
}
