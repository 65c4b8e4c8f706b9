package io.tierwatch.order.redis;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
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

    /** {@code tierwatch_redis_up}: 1 while Redis answers a PING, for the alert rules (ops/prometheus/alerts.yml). */
    @Bean
    MeterBinder redisUp(JedisPooled jedis) {
        return registry -> Gauge.builder("tierwatch.redis.up", jedis, RedisConfig::answers)
                .description("1 while Redis answers a PING, 0 while it does not").register(registry);
    }

    private static double answers(JedisPooled jedis) {
        try {
            return "PONG".equals(jedis.ping()) ? 1 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
