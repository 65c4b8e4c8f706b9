package io.tierwatch.support;

import java.time.Duration;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import redis.clients.jedis.JedisPooled;

/**
 * The health components {@code redis} and {@code kafka}, for a service that can do nothing without
 * either: it imports this and names both in its readiness group. A Kafka check waits at most 2 s.
 */
@Configuration(proxyBeanMethods = false)
public class ReadinessChecks {

    @Bean("redis")
    RedisHealth redisHealth(JedisPooled jedis) {
        return new RedisHealth(jedis);
    }

    @Bean("kafka")
    KafkaHealth kafkaHealth(KafkaProperties kafka) {
        return new KafkaHealth(kafka, Duration.ofSeconds(2));
    }
}
