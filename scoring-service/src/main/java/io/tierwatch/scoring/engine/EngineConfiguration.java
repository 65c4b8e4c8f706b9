package io.tierwatch.scoring.engine;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.ledger.RedisLedger;
import io.tierwatch.scoring.ledger.LedgerSettings;
import io.tierwatch.scoring.ledger.StateEpoch;
import io.tierwatch.scoring.ledger.TierIndexMigration;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EngineConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The state epoch every commit checks; decided by {@code ingest.EpochGuard}. */
    @Bean
    StateEpoch stateEpoch() {
        return new StateEpoch();
    }

    /**
     * The ledger; before it, the tier indexes of an earlier version are moved into the current
     * layout ({@link TierIndexMigration}). Beans are made before the listeners start, so no
     * record is scored meanwhile. With Redis unreachable the service starts anyway (its
     * listeners retry) and the migration waits for the next start.
     */
    @Bean
    RedisLedger redisLedger(JedisPooled jedis, ScoringProperties properties, StateEpoch epoch) {
        try {
            long moved = TierIndexMigration.run(jedis);
            if (moved > 0) {
                LOG.info("moved {} customers from the tier sorted sets of an earlier version into the tier sets", moved);
            }
        } catch (JedisException e) {
            LOG.warn("tier indexes not checked for an earlier layout (Redis: {}); trying again at the next start",
                    e.getMessage());
        }
        ScoringProperties.Scoring scoring = properties.scoring();
        return new RedisLedger(jedis, new LedgerSettings(scoring.windowDays(), scoring.policy().settings(),
                scoring.traits().settings(), scoring.contributorsKept()), scoring.stateCacheCustomers(), epoch);
    }
}
