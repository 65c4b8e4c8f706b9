package io.tierwatch.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tierwatch.bench.measure.RedisStats.CommandStat;
import io.tierwatch.bench.measure.RedisTime;
import io.tierwatch.bench.report.Format;
import io.tierwatch.bench.script.Ceiling;
import io.tierwatch.bench.script.NaiveBaseline;
import io.tierwatch.bench.script.PipelinedReference;

/** The references every result is compared with, measured in the same run on the same Redis. */
final class References {

    static final String SECTION = "References (same run, same redis-server)";

    /** Rates in events/s; Redis µs per event (commandstats, no double counting) of each. */
    record Figures(double ceiling, double ceilingMicros, double naive, double naiveMicros, double pipelined,
            double pipelinedMicros) {
    }

    /** scoring-service's max.poll.records: one poll is one ledger batch there. */
    static final int BATCH = 500;

    private References() {
    }

    static Figures measure(Run run) throws Exception {
        Settings s = run.settings();
        Run.step("Ceiling: redis-benchmark, EVALSHA of the commit script (a new customer's first order), "
                + Format.count(s.ceilingRequests()) + " calls, -c " + s.ceilingClients() + " -P " + s.ceilingPipeline());
        run.redis().flushAll();
        List<List<String>> commit = Ceiling.firstCommit(Instant.now());
        int keysPerCommit = Ceiling.probe(s.redisHost(), s.redisPort(), run.sha(), commit);
        run.redis().resetStats();
        Ceiling.Result ceiling = Ceiling.run(Ceiling.command(s.redisHost(), s.redisPort(), run.sha(),
                s.ceilingRequests(), s.ceilingClients(), s.ceilingPipeline(), commit));
        Map<String, CommandStat> ceilingStats = run.redis().commandStats();
        double written = (double) run.redis().dbSize() / keysPerCommit / s.ceilingRequests();
        double ceilingMicros = RedisTime.perEvent(ceilingStats, s.ceilingRequests());
        run.results().add(SECTION, "ceiling: redis-benchmark EVALSHA of the commit, pipelined", Format.rate(ceiling.perSecond()));
        run.results().add(SECTION, "ceiling: Redis µs per call (EVALSHA)", Format.micros(ceilingMicros));
        run.results().add(SECTION, "ceiling: calls that wrote a new customer (DBSIZE ÷ " + keysPerCommit + " keys)",
                String.format("%.1f%%", 100 * written));
        List<String> shown = ceiling.command().subList(0, ceiling.command().size() - commit.get(1).size());
        run.results().note("Ceiling command: `" + shell(shown).replace(run.sha(), "<sha of redis/commit.lua>")
                + " <" + commit.get(1).size() + " ARGV>`: the KEYS and ARGV are `RedisLedger.firstCommit` of one order, "
                + "the customer id `ceil-__rand_int__` in both. redis-benchmark draws every `__rand_int__` on its own below the keyspace (`-r`, 100× the "
                + "requests), so almost every call writes a new customer; a customer drawn twice would return -1 at "
                + "the rev check, cheaper than a write. Before it, the same commit was sent twice for one customer "
                + "(written, then -1) to check the contract. Only the commit runs: no read, no Java, no index writes.");

        Run.step("Naive baseline: the ledger applied to one event at a time, " + Format.count(s.naiveEvents()) + " events");
        run.redis().flushAll();
        run.redis().resetStats();
        double naive = NaiveBaseline.run(s.redisHost(), s.redisPort(),
                run.stream("naive-", s.customers(), s.newShare(), 0, Run.history(s.events()))::next, s.naiveEvents());
        Map<String, CommandStat> naiveStats = run.redis().commandStats();
        run.results().add(SECTION, "naive: RedisLedger.applyAsPublished of one event at a time", Format.rate(naive));
        add(run, "naive", naiveStats, s.naiveEvents());
        run.results().note("Naive baseline: the first " + Format.count(s.naiveEvents()) + " events of the same "
                + "seeded synthetic stream, `RedisLedger.applyAsPublished(List.of(command))` per event from one Java thread, "
                + "so every event waits for its read, commit, and index and tier-change clean-up round trips (the service "
                + "removes a tier change from Redis once Kafka has it; no Kafka here) (io.tierwatch.bench.script.NaiveBaseline).");

        Run.step("Pipelined reference: the same events, RedisLedger.applyAsPublished of batches of " + BATCH + " from Java");
        run.redis().flushAll();
        run.redis().resetStats();
        double pipelined = PipelinedReference.run(s.redisHost(), s.redisPort(),
                run.stream("naive-", s.customers(), s.newShare(), 0, Run.history(s.events()))::next, s.naiveEvents(), BATCH);
        Map<String, CommandStat> pipelinedStats = run.redis().commandStats();
        run.results().add(SECTION, "pipelined (batches of " + BATCH + ", no Kafka): the stream's own mix", Format.rate(pipelined));
        add(run, "pipelined", pipelinedStats, s.naiveEvents());
        run.results().note("Pipelined reference: the naive run's events again, into a flushed Redis, given to "
                + "`RedisLedger.applyAsPublished` in batches of " + BATCH + " (scoring-service's max.poll.records) from one Java "
                + "thread: what the service's ledger does for the real event mix without Kafka.");
        run.redis().flushAll();
        return new Figures(ceiling.perSecond(), ceilingMicros, naive, RedisTime.perEvent(naiveStats, s.naiveEvents()),
                pipelined, RedisTime.perEvent(pipelinedStats, s.naiveEvents()));
    }

    /** Redis µs per event, EVALSHA µs per call and EVALSHA calls per event of one reference. */
    private static void add(Run run, String name, Map<String, CommandStat> stats, long events) {
        CommandStat script = RedisTime.scriptCalls(stats);
        run.results().add(SECTION, name + ": Redis µs per event (all commands, script's inner ones in EVALSHA)",
                Format.micros(RedisTime.perEvent(stats, events)));
        run.results().add(SECTION, name + ": EVALSHA µs per call / calls per event", Format.micros(script.usecPerCall())
                + " / " + String.format("%.2f", (double) script.calls() / events));
    }

    /** The command as one would type it: empty and braced arguments quoted. */
    static String shell(List<String> command) {
        return command.stream().map(a -> a.isEmpty() || a.matches(".*[{}|*$ \"'].*") ? "'" + a.replace("'", "'\\''") + "'" : a)
                .collect(java.util.stream.Collectors.joining(" "));
    }
}
