package io.tierwatch.order.redis;

import java.net.URI;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.tierwatch.order.OrderServiceProperties;
import io.tierwatch.support.KafkaHealth;
import io.tierwatch.support.Observability;
import io.tierwatch.support.RedisHealth;
import redis.clients.jedis.JedisPooled;

@Import(Observability.class)
@Configuration
class RedisConfig {

    /** Every order-service key starts with this, so the services can share one Redis. */
    static final String PREFIX = "tw:order:";

    @Bean(destroyMethod = "close")
    JedisPooled jedis(OrderServiceProperties properties) {
        return new JedisPooled(URI.create(properties.redis().url()));
    }

    /** Health and readiness are DOWN while Redis does not answer: no submission can be claimed. */
    @Bean("redis")
    RedisHealth redisHealth(JedisPooled jedis) {
        return new RedisHealth(jedis);
    }

    /** Health and readiness are DOWN while no Kafka broker answers within 2 s: nothing can be published. */
    @Bean("kafka")
    KafkaHealth kafkaHealth(KafkaProperties kafka) {
        return new KafkaHealth(kafka, java.time.Duration.ofSeconds(2));
    }
}
