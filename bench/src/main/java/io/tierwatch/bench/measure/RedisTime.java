package io.tierwatch.bench.measure;

import java.util.Map;
import java.util.Set;

import io.tierwatch.bench.measure.RedisStats.CommandStat;

/**
 * Redis time per event from INFO commandstats without double counting. EVALSHA's usec already
 * includes the commands the commit script calls, which commandstats also lists on their own, so
 * those are left out; so are the harness's own administrative commands. HDEL is called by the
 * script and by the OutboxPublisher (which runs outside it): it is counted, a small over-count.
 */
public final class RedisTime {

    /** Called only inside redis/commit.lua: their time is part of EVALSHA's. */
    static final Set<String> SCRIPT_ONLY = Set.of("hget", "hset", "del", "rpush", "lpush", "ltrim", "hlen");
    /** What the harness (and Redis administration) sends, not the work of an event. */
    static final Set<String> ADMIN = Set.of("info", "config|resetstat", "config|get", "config|set", "memory|usage",
            "scan", "dbsize", "flushall", "script|load", "ping", "hello", "client|setname", "client|setinfo");

    private RedisTime() {
    }

    /** The commands left out because the commit script's EVALSHA time includes them. */
    public static Set<String> scriptOnly() {
        return SCRIPT_ONLY;
    }

    /** Microseconds Redis spent per event: every counted command's usec, summed, divided by {@code events}. */
    public static double perEvent(Map<String, CommandStat> stats, long events) {
        return events == 0 ? 0 : (double) counted(stats) / events;
    }

    /** The usec of the commands that count (all but the script's inner ones and the harness's). */
    public static long counted(Map<String, CommandStat> stats) {
        return stats.entrySet().stream().filter(e -> counts(e.getKey())).mapToLong(e -> e.getValue().usec()).sum();
    }

    /** Whether a command's time is counted on its own (false: inside EVALSHA's, or not an event's work). */
    public static boolean counts(String command) {
        return !SCRIPT_ONLY.contains(command) && !ADMIN.contains(command);
    }

    /**
     * EVALSHA's usec not spent in the commands only the script calls: passing the arguments, the Lua
     * code and each {@code redis.call}'s own overhead (an HDEL inside the script, rare, counts here too).
     */
    public static long scriptOverhead(Map<String, CommandStat> stats) {
        long inner = stats.entrySet().stream().filter(e -> SCRIPT_ONLY.contains(e.getKey()))
                .mapToLong(e -> e.getValue().usec()).sum();
        return Math.max(0, scriptCalls(stats).usec() - inner);
    }

    /** EVALSHA (and EVAL, should a version send the source) as one figure. */
    public static CommandStat scriptCalls(Map<String, CommandStat> stats) {
        CommandStat none = new CommandStat(0, 0);
        CommandStat sha = stats.getOrDefault("evalsha", none);
        CommandStat eval = stats.getOrDefault("eval", none);
        return new CommandStat(sha.calls() + eval.calls(), sha.usec() + eval.usec());
    }
}
