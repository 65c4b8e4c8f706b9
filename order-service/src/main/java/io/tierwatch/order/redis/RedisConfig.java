package io.tierwatch.order.redis;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.tierwatch.order.OrderServiceProperties;
import redis.clients.jedis.JedisPooled;

@Configuration
class RedisConfig {

    /** Every order-service key starts with this, so the services can share one Redis. */
    static final String PREFIX = "tw:order:";

    @Bean(destroyMethod = "close")
    JedisPooled jedis(OrderServiceProperties properties) {
        return new JedisPooled(URI.create(properties.redis().url()));
    }
}
