package io.tierwatch.scoring.engine;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.ledger.ApplyScript;
import io.tierwatch.scoring.ledger.RedisLedger;
import io.tierwatch.scoring.ledger.ScriptSettings;
import redis.clients.jedis.JedisPooled;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ApplyScript applyScript(ScoringProperties properties) {
        ScoringProperties.Scoring scoring = properties.scoring();
        return new ApplyScript(new ScriptSettings(scoring.windowDays(), scoring.policy().settings(),
                scoring.traits().settings(), scoring.contributorsKept(), scoring.historyKept()));
    }

    @Bean
    RedisLedger redisLedger(JedisPooled jedis, ApplyScript script) {
        return new RedisLedger(jedis, script);
    }
}
