package io.tierwatch.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tierwatch.scoring.Cdnow;
import io.tierwatch.scoring.domain.Delta;
import io.tierwatch.scoring.domain.PolicySettings;
import io.tierwatch.scoring.domain.TraitSettings;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;

/**
 * The CDNOW history straight through the ledger in batches of 500, without Kafka or the service,
 * with the default configuration: exact lifetime revenue again, one commit per hash-tag group
 * and batch, and Redis's own cost per purchase ({@code INFO commandstats}, all commands) printed
 * without the broker and the service competing for the CPU.
 */
@ExtendWith(RealInfrastructure.class)
class CdnowLedgerReplayIT {

    @Test
    void appliesTheCdnowHistoryToExactRevenueWithOneCommitPerGroupAndBatch() throws IOException {
        Assumptions.assumeTrue(Cdnow.available(), "CDNOW dataset not found at " + Cdnow.DATA.toAbsolutePath());
        List<Cdnow.Purchase> purchases = Cdnow.purchases("cdnow-ledger-");
        Map<String, long[]> expected = Cdnow.expected(purchases);
        try (JedisPooled jedis = new JedisPooled(URI.create(RealInfrastructure.redis().url()));
                Jedis raw = RealInfrastructure.redis().connect()) {
            RedisLedger ledger = new RedisLedger(jedis, new LedgerSettings(90,
                    new PolicySettings(100_000, 10_000, 50, 10, 5_000, "policy-1"),
                    new TraitSettings(30, 365, 90, 1_000_000, 20), 5));
            raw.configResetStat();
            List<LedgerCommand> batch = new ArrayList<>();
            long commits = 0;
            for (Cdnow.Purchase p : purchases) {
                batch.add(LedgerCommand.event(p.customerId(), "cdnow", 0, p.line(), "cdnow-line-" + p.line(),
                        Delta.of(Cdnow.order(p))));
                if (batch.size() == 500) {
                    commits += groupsIn(batch);
                    ledger.apply(batch);
                    batch.clear();
                }
            }
            commits += groupsIn(batch);
            ledger.apply(batch);
            String stats = raw.info("commandstats");
            String evalsha = stats.lines().filter(l -> l.startsWith("cmdstat_evalsha:")).findFirst().orElse("");
            long usec = stats.lines().filter(l -> l.startsWith("cmdstat_"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("^.*,usec=(\\d+),.*", "$1"))).sum();

            Map<String, Response<Map<String, String>>> states = new HashMap<>();
            try (AbstractPipeline pipeline = jedis.pipelined()) {
                expected.keySet().forEach(id -> states.put(id, pipeline.hgetAll(LedgerKeys.state(id))));
                pipeline.sync();
            }
            assertThat(expected).allSatisfy((id, sums) -> assertThat(Long.parseLong(LedgerKeys.stateFields(
                    states.get(id).get()).getOrDefault("lr", "0"))).as(id).isEqualTo(sums[0]));
            // one commit per hash-tag group and batch (an idle listener in the same JVM may add none or a few)
            long calls = Long.parseLong(evalsha.replaceAll("^cmdstat_evalsha:calls=(\\d+),.*", "$1"));
            assertThat(calls).isBetween(commits, commits + 10);
            System.out.printf("LEDGER-MEASURE purchases=%d customers=%d redis_usec_per_purchase=%.2f %s%n",
                    purchases.size(), expected.size(), (double) usec / purchases.size(), evalsha);
        }
    }

    private static long groupsIn(List<LedgerCommand> batch) {
        return batch.stream().map(c -> LedgerKeys.group(c.customerId())).distinct().count();
    }
}
