package io.tierwatch.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.tierwatch.contracts.Topics;
import redis.clients.jedis.JedisPooled;

/**
 * What every service exports about its parts, for the alert rules and the dashboard (ops/):
 * {@code tierwatch_redis_up}, and one series per topic in the Kafka client metrics. A service
 * whose readiness depends on Redis also registers {@link RedisHealth}.
 */
@Configuration(proxyBeanMethods = false)
public class Observability {

    /** {@code tierwatch_redis_up}: 1 while Redis answers a PING, 0 while it does not. */
    @Bean
    MeterBinder redisUp(JedisPooled jedis) {
        return registry -> Gauge.builder("tierwatch.redis.up", jedis, RedisHealth::answers)
                .description("1 while Redis answers a PING, 0 while it does not").register(registry);
    }

    /** Problem details of one vocabulary on every service ({@link ProblemTypes}). */
    @Bean
    ProblemTypes problemTypes() {
        return new ProblemTypes();
    }

    /** The Kafka clients report each topic-level metric twice ({@link Topics#isMetricAlias}): keep one. */
    @Bean
    static MeterFilter oneTopicTagPerTopic() {
        return MeterFilter.deny(id -> Topics.isMetricAlias(id.getTag("topic")));
    }
}
