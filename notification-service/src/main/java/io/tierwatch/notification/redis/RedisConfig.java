package io.tierwatch.notification.redis;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.tierwatch.notification.NotificationProperties;
import io.tierwatch.support.Observability;
import io.tierwatch.support.ReadinessChecks;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;

/**
 * One pooled Redis client for the service, from {@code tierwatch.redis.url}. The pool is sized for
 * the live-page subscription (holds one connection), the listeners, the parallel senders and web
 * requests; a caller waits at most two seconds for a connection, then fails and is retried.
 */
// readiness DOWN while Redis or Kafka does not answer (the readiness group in the yml names both)
@Import({Observability.class, ReadinessChecks.class})
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
}
