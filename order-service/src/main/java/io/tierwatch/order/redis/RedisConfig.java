package io.tierwatch.order.redis;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.tierwatch.order.OrderServiceProperties;
import io.tierwatch.support.Observability;
import io.tierwatch.support.ReadinessChecks;
import redis.clients.jedis.JedisPooled;

// readiness DOWN while Redis or Kafka does not answer (the readiness group in the yml names both)
@Import({Observability.class, ReadinessChecks.class})
@Configuration
class RedisConfig {

    /** Every order-service key starts with this, so the services can share one Redis. */
    static final String PREFIX = "tw:order:";

    @Bean(destroyMethod = "close")
    JedisPooled jedis(OrderServiceProperties properties) {
        return new JedisPooled(URI.create(properties.redis().url()));
    }
}
