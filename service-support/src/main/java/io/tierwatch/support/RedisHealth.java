package io.tierwatch.support;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import redis.clients.jedis.JedisPooled;

/**
 * DOWN while Redis does not answer a PING. A service that can do nothing without Redis puts it in
 * its readiness group, registered as the bean {@code redis}.
 */
public class RedisHealth extends AbstractHealthIndicator {

    private final JedisPooled jedis;

    public RedisHealth(JedisPooled jedis) {
        super("Redis health check failed");
        this.jedis = jedis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.status(answers(jedis) == 1 ? "UP" : "DOWN");
    }

    static double answers(JedisPooled jedis) {
        try {
            return "PONG".equals(jedis.ping()) ? 1 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
