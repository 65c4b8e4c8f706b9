package io.tierwatch.order.redis;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import redis.clients.jedis.JedisPooled;

/** Health and readiness are DOWN while Redis does not answer: no submission can be claimed, so none is accepted. */
@Component("redis")
class RedisHealth extends AbstractHealthIndicator {

    private final JedisPooled jedis;

    RedisHealth(JedisPooled jedis) {
        super("Redis health check failed");
        this.jedis = jedis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String pong = jedis.ping();
        builder.status("PONG".equals(pong) ? "UP" : "DOWN");
    }
}
