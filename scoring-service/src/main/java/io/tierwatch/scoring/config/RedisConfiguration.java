package io.tierwatch.scoring.config;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;

@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    /**
     * Connections are checked when borrowed, so after a Redis restart a stale pooled connection is
     * replaced instead of failing one request; the check costs one PING per pipeline, not per command.
     */
    @Bean(destroyMethod = "close")
    JedisPooled jedis(ScoringProperties properties) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setTestOnBorrow(true);
        return new JedisPooled(pool, URI.create(properties.redis().url()));
    }

    /** {@code tierwatch_redis_up}: 1 while Redis answers a PING, for the alert rules (ops/prometheus/alerts.yml). */
    @Bean
    MeterBinder redisUp(JedisPooled jedis) {
        return registry -> Gauge.builder("tierwatch.redis.up", jedis, RedisConfiguration::answers)
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
