package io.tierwatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tierwatch.contracts.Topics;
import redis.clients.jedis.Jedis;

@ExtendWith(RealInfrastructure.class)
class RealInfrastructureIT {

    @Test
    void givesTestsARealBrokerThatCarriesRecords() {
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            KafkaProbe.send(new ProducerRecord<>(Topics.ORDERS, "c-1", "hello".getBytes(StandardCharsets.UTF_8)));

            var records = probe.await(1, r -> "c-1".equals(r.key()), Duration.ofSeconds(30));
            assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
        assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(RealInfrastructure.kafka().bootstrapServers());
    }

    @Test
    void givesTestsARealRedisThatCanBeStoppedAndStartedAgain() {
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            jedis.set("probe", "1");
            assertThat(jedis.incr("probe")).isEqualTo(2);
        }
        RealInfrastructure.redisServer().ifPresent(server -> {
            server.stop();
            assertThatThrownBy(() -> {
                try (Jedis jedis = RealInfrastructure.redis().connect()) {
                    jedis.ping();
                }
            }).isInstanceOf(Exception.class);
            server.start();
            try (Jedis jedis = RealInfrastructure.redis().connect()) {
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
        });
    }
}
