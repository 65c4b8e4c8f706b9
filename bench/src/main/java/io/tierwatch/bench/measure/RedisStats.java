package io.tierwatch.bench.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** What Redis says about itself: INFO commandstats, used memory, MEMORY USAGE of keys. */
public final class RedisStats implements AutoCloseable {

    /** Calls and microseconds of one command since the last reset. */
    public record CommandStat(long calls, long usec) {
        public double usecPerCall() {
            return calls == 0 ? 0 : (double) usec / calls;
        }
    }

    private final Jedis jedis;

    public RedisStats(String host, int port) {
        jedis = new Jedis(host, port, 120_000);
    }

    public void resetStats() {
        jedis.configResetStat();
    }

    /** cmdstat_evalsha → evalsha; both "calls" and "usec" from INFO commandstats. */
    public Map<String, CommandStat> commandStats() {
        Map<String, CommandStat> stats = new HashMap<>();
        for (String line : jedis.info("commandstats").split("\r?\n")) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String name = line.substring(8, line.indexOf(':'));
            long calls = 0;
            long usec = 0;
            for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
                String[] kv = field.split("=");
                if (kv[0].equals("calls")) {
                    calls = Long.parseLong(kv[1]);
                } else if (kv[0].equals("usec")) {
                    usec = Long.parseLong(kv[1]);
                }
            }
            stats.put(name, new CommandStat(calls, usec));
        }
        return stats;
    }

    public long usedMemory() {
        for (String line : jedis.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }

    public long dbSize() {
        return jedis.dbSize();
    }

    /** MEMORY USAGE with all samples of nested values; 0 for a missing key. */
    public long memoryUsage(String key) {
        Long bytes = jedis.memoryUsage(key, 0);
        return bytes == null ? 0 : bytes;
    }

    public List<String> keys(String pattern) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(pattern).count(10_000));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    /** Sets a key (a service's store marker, for a start the harness arranged). */
    public void set(String key, String value) {
        jedis.set(key, value);
    }

    public void flushAll() {
        jedis.flushAll();
    }

    public String scriptLoad(String source) {
        return jedis.scriptLoad(source);
    }

    public String version() {
        for (String line : jedis.info("server").split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                return line.substring("redis_version:".length()).trim();
            }
        }
        return "?";
    }

    @Override
    public void close() {
        jedis.close();
    }
}
