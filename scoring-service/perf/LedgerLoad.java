import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.tierwatch.scoring.domain.Delta;
import io.tierwatch.scoring.domain.PolicySettings;
import io.tierwatch.scoring.domain.TraitSettings;
import io.tierwatch.scoring.ledger.LedgerCommand;
import io.tierwatch.scoring.ledger.LedgerSettings;
import io.tierwatch.scoring.ledger.RedisLedger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/**
 * Drives RedisLedger without Kafka on a synthetic stream shaped like bench's (a share of new
 * customers, the rest a skewed draw over the population, orders/returns/tickets, event days over
 * 180 days), in batches of 500, and prints Redis's cost per event from INFO commandstats.
 * Usage (perf/ledger-load.sh builds the classpath): java LedgerLoad.java redis://host:port events customers
 */
public class LedgerLoad {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int events = Integer.parseInt(args[1]);
        int customers = Integer.parseInt(args[2]);
        Random random = new Random(42);
        LedgerSettings settings = new LedgerSettings(90, new PolicySettings(100_000, 10_000, 50, 10, 5_000, "policy-1"),
                new TraitSettings(30, 365, 90, 1_000_000, 20), 5);
        try (JedisPooled jedis = new JedisPooled(URI.create(url)); Jedis raw = new Jedis(URI.create(url))) {
            raw.flushAll();
            raw.configResetStat();
            long memBefore = usedMemory(raw);
            // -Dledger.cache=N: the state cache of scoring-service (tierwatch.scoring.state-cache-customers)
            RedisLedger ledger = new RedisLedger(jedis, settings, Integer.getInteger("ledger.cache", 0));
            long gcBefore = gcMillis();
            List<LedgerCommand> batch = new ArrayList<>();
            long today = LocalDate.now().toEpochDay();
            int seen = 0;
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                int c;
                if (seen < customers && random.nextDouble() < (double) customers / events) {
                    c = seen++;
                } else {
                    c = (int) Math.min(seen - 1, Math.floor(Math.pow(random.nextDouble(), 3) * Math.max(1, seen)));
                }
                long day = today - 180 + (180L * i / events);
                Instant at = LocalDate.ofEpochDay(day).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(i % 80_000);
                int kind = random.nextInt(100);
                String id = "load-" + c;
                Delta d;
                if (kind < 85) {
                    long revenue = 1_000 + random.nextInt(50_000);
                    d = new Delta("order", "o-" + i, at, revenue, revenue * (60 + random.nextInt(45)) / 100, 0, 1, 0);
                } else if (kind < 90) {
                    long refund = random.nextInt(10_000);
                    d = new Delta("return", "r-" + i, at, -refund, -refund * 7 / 10, 0, 0, 0);
                } else {
                    d = new Delta("ticket", "t-" + i, at, 0, 0, random.nextInt(20_000), 0, 1);
                }
                batch.add(LedgerCommand.event(id, "tierwatch.orders", 0, i, "e-" + i, d));
                if (batch.size() == 500) {
                    ledger.applyAsPublished(batch);
                    batch.clear();
                }
            }
            ledger.applyAsPublished(batch);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("state cache %d customers: hits %d, misses %d; GC time %d ms%n",
                    Integer.getInteger("ledger.cache", 0), ledger.cacheHits(), ledger.cacheMisses(), gcMillis() - gcBefore);
            String stats = raw.info("commandstats");
            long direct = 0;
            long script = 0;
            StringBuilder lines = new StringBuilder();
            for (String line : stats.split("\r?\n")) {
                if (!line.startsWith("cmdstat_")) {
                    continue;
                }
                String name = line.substring(8, line.indexOf(':'));
                long usec = Long.parseLong(line.replaceAll("^.*,usec=(\\d+),.*", "$1"));
                long calls = Long.parseLong(line.replaceAll("^[^:]*:calls=(\\d+),.*", "$1"));
                lines.append(String.format("  %-16s calls/event %.3f  usec/call %.2f%n", name, (double) calls / events,
                        (double) usec / calls));
                if (List.of("hget", "hset", "del", "rpush", "lpush", "ltrim", "hlen").contains(name)) {
                    script += usec;
                } else {
                    direct += usec;
                }
            }
            System.out.print(lines);
            System.out.printf("events=%d customers=%d  java-side events/s=%.0f  Redis usec/event=%.2f (inside scripts %.2f)"
                    + "  bytes/customer=%.0f%n", events, seen, events / seconds, (double) direct / events,
                    (double) script / events, (double) (usedMemory(raw) - memBefore) / seen);
        }
    }

    private static long usedMemory(Jedis raw) {
        for (String line : raw.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring(12).trim());
            }
        }
        return -1;
    }

    private static long gcMillis() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
