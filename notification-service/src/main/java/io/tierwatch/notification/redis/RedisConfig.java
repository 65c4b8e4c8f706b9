package io.tierwatch.notification.redis;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tierwatch.notification.NotificationProperties;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;

/**
 * One pooled Redis client for the service, from {@code tierwatch.redis.url}. The pool is sized for
 * the live-page subscription (holds one connection), the listeners, the parallel senders and web
 * requests; a caller waits at most two seconds for a connection, then fails and is retried.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

    @Bean(destroyMethod = "close")
    JedisPooled jedis(NotificationProperties properties) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(properties.delivery().concurrency() + 24);
        pool.setMaxIdle(properties.delivery().concurrency() + 8);
        pool.setMaxWait(Duration.ofSeconds(2));
        return new JedisPooled(pool, properties.redis().url());
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
