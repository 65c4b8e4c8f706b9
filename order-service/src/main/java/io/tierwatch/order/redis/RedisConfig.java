package io.tierwatch.order.redis;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.tierwatch.order.OrderServiceProperties;
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
}
