package io.tierwatch.scoring.engine;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.ledger.RedisLedger;
import io.tierwatch.scoring.ledger.LedgerSettings;
import redis.clients.jedis.JedisPooled;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RedisLedger redisLedger(JedisPooled jedis, ScoringProperties properties) {
        ScoringProperties.Scoring scoring = properties.scoring();
        return new RedisLedger(jedis, new LedgerSettings(scoring.windowDays(), scoring.policy().settings(),
                scoring.traits().settings(), scoring.contributorsKept()), scoring.stateCacheCustomers());
    }
}
