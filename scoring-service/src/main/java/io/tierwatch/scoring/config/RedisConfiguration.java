package io.tierwatch.scoring.config;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.tierwatch.support.Observability;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;

@Import(Observability.class)
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
}
