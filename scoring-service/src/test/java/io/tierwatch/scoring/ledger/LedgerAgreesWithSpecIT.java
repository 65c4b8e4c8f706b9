package io.tierwatch.scoring.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Trait;
import io.tierwatch.scoring.domain.Delta;
import io.tierwatch.scoring.domain.PolicySettings;
import io.tierwatch.scoring.domain.TierPolicy;
import io.tierwatch.scoring.domain.TraitRules;
import io.tierwatch.scoring.domain.TraitSettings;
import io.tierwatch.scoring.domain.WindowLedger;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.JedisPooled;

/**
 * The ledger (read, apply, commit through Redis) and the domain's executable specification
 * ({@link WindowLedger}) must decide the same tiers, versions, traits and
 * window figures on the same histories: random events (late ones, long gaps, returns, costly
 * tickets), sweeps and master-data updates, on a short window so buckets age often.
 */
@ExtendWith(RealInfrastructure.class)
class LedgerAgreesWithSpecIT {

    private static final int WINDOW = 7;
    private static final PolicySettings POLICY = new PolicySettings(50_000, 10_000, 50, 10, 5_000, "test-policy");
    private static final TraitSettings TRAITS = new TraitSettings(5, 20, 7, 300_000, 20);

    private final JedisPooled jedis = new JedisPooled(URI.create(RealInfrastructure.redis().url()));
    /** With a state cache, as scoring-service runs: after the first step every customer comes from it. */
    private final RedisLedger ledger = new RedisLedger(jedis, new LedgerSettings(WINDOW, POLICY,
            TRAITS, 3), 1_000);

    @AfterEach
    void close() {
        jedis.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 20261127L})
    void ledgerAndSpecDecideAlikeOnRandomHistories(long seed) {
        Random random = new Random(seed);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            customers.add(new Customer("agree-" + seed + "-" + i + "-" + System.nanoTime(), 10_000 + random.nextInt(50),
                    new WindowLedger(WINDOW, new TierPolicy(POLICY), new TraitRules(TRAITS))));
        }
        Set<Object> seen = new HashSet<>();
        for (int step = 0; step < 60; step++) {
            List<LedgerCommand> commands = new ArrayList<>();
            for (Customer c : customers) {
                commands.add(c.next(random));
            }
            ledger.apply(commands);
            for (Customer c : customers) {
                assertThat(redisView(c.id)).as("customer %s at step %d", c.id, step).isEqualTo(javaView(c.java));
                seen.add(c.java.tier());
                seen.addAll(c.java.traits());
            }
        }
        // the histories must reach every tier and trait, or agreement would prove little
        assertThat(seen).containsAll(EnumSet.allOf(Tier.class)).containsAll(EnumSet.allOf(Trait.class));
    }

    private String redisView(String customerId) {
        Map<String, String> state = LedgerKeys.stateFields(jedis.hgetAll(LedgerKeys.state(customerId)));
        List<String> v = java.util.stream.Stream.of("tier", "ver", "traits", "wr", "wg", "ws", "wo",
                "wt", "lr", "lg", "ls", "lo", "lt", "pr").map(state::get).toList();
        return v.stream().map(s -> s == null || s.isEmpty() ? "0" : s).collect(Collectors.joining(" "));
    }

    private static String javaView(WindowLedger java) {
        List<String> v = new ArrayList<>();
        v.add(java.tier() == null ? "0" : java.tier().name());
        v.add(String.valueOf(java.version()));
        String traits = java.traits().stream().map(Enum::name).collect(Collectors.joining(","));
        v.add(traits.isEmpty() ? "0" : traits);
        for (long x : java.window()) {
            v.add(String.valueOf(x));
        }
        for (long x : java.lifetime()) {
            v.add(String.valueOf(x));
        }
        v.add(String.valueOf(java.previousWindowRevenue()));
        return String.join(" ", v);
    }

    private static final class Customer {
        private final String id;
        private final WindowLedger java;
        private long day;
        private long offset;
        /**
         * The latest day this customer was swept to, carried by its later commands as the service's
         * commands carry their partition's sweep day: the ledger skips a sweep that has nothing due,
         * and the next command ages the window there first.
         */
        private long streamDay = LedgerCommand.NO_STREAM_DAY;
        private boolean started;

        Customer(String id, long startDay, WindowLedger java) {
            this.id = id;
            this.day = startDay;
            this.java = java;
        }

        LedgerCommand next(Random random) {
            offset++;
            int dice = random.nextInt(100);
            if (dice < 5) {
                day += random.nextInt(3 * WINDOW);
                java.sweep(day);
                if (started) { // the spec ages nothing before the first event, and nor does its day count then
                    streamDay = Math.max(streamDay, day);
                }
                return LedgerCommand.sweep(id, 0, LocalDate.ofEpochDay(day));
            }
            if (dice < 9) {
                Long since = random.nextBoolean() ? null : day - random.nextInt(40);
                boolean strategic = random.nextBoolean();
                java.master(since, strategic);
                return LedgerCommand.master("agree", 0, offset, "m-" + offset, new CustomerUpserted(id, "n", "rep",
                        since == null ? null : LocalDate.ofEpochDay(since), strategic, Instant.now()))
                        .atStreamDay(streamDay);
            }
            long eventDay = day;
            if (dice < 20) {
                eventDay = day - random.nextInt(2 * WINDOW + 3);
            } else if (dice < 30) {
                day += random.nextInt(2 * WINDOW);
                eventDay = day;
            } else {
                day += random.nextInt(3);
                eventDay = day;
            }
            Delta delta = delta(random, eventDay);
            java.apply(eventDay, delta);
            started = true;
            return LedgerCommand.event(id, "agree", 0, offset, "e-" + offset, delta).atStreamDay(streamDay);
        }

        private static Delta delta(Random random, long eventDay) {
            Instant at = LocalDate.ofEpochDay(eventDay).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600);
            int kind = random.nextInt(10);
            if (kind < 6) {
                long revenue = random.nextInt(40_000);
                return new Delta("order", "o", at, revenue, revenue * random.nextInt(110) / 100, 0, 1, 0);
            }
            if (kind < 8) {
                long refund = random.nextInt(10_000);
                return new Delta("return", "r", at, -refund, -refund * random.nextInt(90) / 100, 0, 0, 0);
            }
            return new Delta("ticket", "t", at, 0, 0, random.nextInt(20_000) - 2_000, 0, 1);
        }
    }
}
