package io.tierwatch.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.Http;
import io.tierwatch.scoring.ScoringIT;
import io.tierwatch.scoring.TestEvents;
import io.tierwatch.scoring.TierEvents;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import io.tierwatch.testsupport.RedisServer;

@ScoringIT
class RedisOutageIT {

    @LocalServerPort
    int port;

    @Test
    void waitsOutARedisOutageWithoutCommittingOrLosingARecord() throws Exception {
        RedisServer redis = RealInfrastructure.redisServer().orElse(null);
        Assumptions.assumeTrue(redis != null, "needs the test's own redis-server");
        String customer = TestEvents.customer("outage");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS, Topics.CUSTOMER_TIER_CHANGES);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        RealInfrastructure.kafka().bootstrapServers()))) {
            redis.stop();
            try {
                TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "80.00", "20.00"));
                ConsumerRecord<String, byte[]> record = probe.await(1,
                        r -> r.topic().equals(Topics.ORDERS) && customer.equals(r.key()), Duration.ofSeconds(30)).get(0);
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());

                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                        committed(admin, partition) <= record.offset()
                                && probe.records(Topics.CUSTOMER_TIER_CHANGES).stream().noneMatch(r -> customer.equals(r.key())));
                // the partition makes no progress with lag: readiness names it, within the stall timeout (4 s here)
                Http.Reply readiness = await().atMost(Duration.ofSeconds(20))
                        .until(() -> Http.get(port, "/actuator/health/readiness"), r -> r.status() == 503);
                assertThat(readiness.json().path("components").path("scoringProgress").path("details")
                        .path("stalled").has(partition.toString())).as(readiness.body()).isTrue();
                assertThat(Http.get(port, "/actuator/prometheus").body())
                        .containsPattern("tierwatch_scoring_partitions_stalled\\{[^}]*\\} [1-9]");
            } finally {
                redis.start();
            }

            assertThat(TierEvents.data(TierEvents.await(probe, customer, 1).get(0)).lifetime().revenue())
                    .isEqualTo(Money.parse("80.00"));
            ConsumerRecord<String, byte[]> record = probe.records(Topics.ORDERS).stream()
                    .filter(r -> customer.equals(r.key())).findFirst().orElseThrow();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    committed(admin, new TopicPartition(record.topic(), record.partition())) > record.offset());
            await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(port, "/actuator/health/readiness").status() == 200);
        }
    }

    private static long committed(Admin admin, TopicPartition partition) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets("tierwatch-scoring").partitionsToOffsetAndMetadata()
                .get().get(partition);
        return offset == null ? -1 : offset.offset();
    }
}
