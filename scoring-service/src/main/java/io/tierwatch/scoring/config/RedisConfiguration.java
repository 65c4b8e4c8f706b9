package io.tierwatch.scoring.config;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import redis.clients.jedis.JedisPooled;

@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "close")
    JedisPooled jedis(ScoringProperties properties) {
        return new JedisPooled(URI.create(properties.redis().url()));
    }
}
