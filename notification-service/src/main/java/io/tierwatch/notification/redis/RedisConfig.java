package io.tierwatch.notification.redis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.tierwatch.notification.NotificationProperties;
import redis.clients.jedis.JedisPooled;

/** One pooled Redis client for the service, from {@code tierwatch.redis.url}. */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

    @Bean(destroyMethod = "close")
    JedisPooled jedis(NotificationProperties properties) {
        return new JedisPooled(properties.redis().url());
    }
}
