package io.tierwatch.bench;

import io.tierwatch.bench.measure.RedisStats.CommandStat;
import io.tierwatch.bench.report.Format;
import io.tierwatch.bench.script.Ceiling;
import io.tierwatch.bench.script.NaiveBaseline;
import io.tierwatch.bench.script.PipelinedReference;

/** The two references every result is compared with, measured in the same run on the same Redis. */
final class References {

    static final String SECTION = "References (same run, same redis-server)";

    record Figures(double ceiling, double ceilingMicros, double naive, double naiveMicros, double pipelined) {
    }

    /** scoring-service's max.poll.records: one poll is one pipeline there. */
    static final int BATCH = 500;

    private References() {
    }

    static Figures measure(Run run) throws Exception {
        Settings s = run.settings();
        Run.step("Ceiling: redis-benchmark, EVALSHA of the apply script, " + Format.count(s.ceilingRequests())
                + " calls, -c " + s.ceilingClients() + " -P " + s.ceilingPipeline());
        run.redis().flushAll();
        run.redis().resetStats();
        Ceiling.Result ceiling = Ceiling.run(s.redisHost(), s.redisPort(), run.sha(), s.ceilingRequests(),
                s.customers(), s.ceilingClients(), s.ceilingPipeline());
        CommandStat ceilingStat = evalsha(run);
        run.results().add(SECTION, "ceiling: redis-benchmark EVALSHA, pipelined", Format.rate(ceiling.perSecond()));
        run.results().add(SECTION, "ceiling: Redis time per apply call", Format.micros(ceilingStat.usecPerCall()));
        run.results().note("Ceiling command: `" + shell(ceiling.command()).replace(run.sha(), "<sha of apply.lua>")
                + "`. redis-benchmark 7.0 draws every `__rand_int__` on its own, so the 5 keys of a call belong to "
                + "random customers and the offset is random; the day is fixed, so no bucket ages.");

        Run.step("Naive baseline: one synchronous EVALSHA per event, " + Format.count(s.naiveEvents()) + " events");
        run.redis().flushAll();
        run.redis().resetStats();
        double naive = NaiveBaseline.run(s.redisHost(), s.redisPort(), run.sha(),
                run.stream("naive-", s.customers(), s.newShare(), 0, Run.history(s.events()))::next, s.naiveEvents());
        CommandStat naiveStat = evalsha(run);
        run.results().add(SECTION, "naive: one EVALSHA round trip per event", Format.rate(naive));
        run.results().add(SECTION, "naive: Redis time per apply call", Format.micros(naiveStat.usecPerCall()));
        run.results().note("Naive baseline: the first " + Format.count(s.naiveEvents()) + " events of the same "
                + "seeded synthetic stream, one Jedis `evalsha` per event, each reply awaited (io.tierwatch.bench.script.NaiveBaseline).");
        run.redis().flushAll();

        Run.step("Pipelined reference: the same events, EVALSHA pipelined in batches of " + BATCH + " from Java");
        run.redis().resetStats();
        double pipelined = PipelinedReference.run(s.redisHost(), s.redisPort(), run.sha(),
                run.stream("naive-", s.customers(), s.newShare(), 0, Run.history(s.events()))::next, s.naiveEvents(), BATCH);
        CommandStat pipelinedStat = evalsha(run);
        run.results().add(SECTION, "pipelined (batches of " + BATCH + ", no Kafka): the stream's own mix", Format.rate(pipelined));
        run.results().add(SECTION, "pipelined: Redis time per apply call", Format.micros(pipelinedStat.usecPerCall()));
        run.results().note("Pipelined reference: the naive run's events again, into a flushed Redis, pipelined in "
                + "batches of " + BATCH + " (scoring-service's max.poll.records) from one Java connection: the ceiling "
                + "for the real event mix, which redis-benchmark's random keys do not reproduce.");
        run.redis().flushAll();
        return new Figures(ceiling.perSecond(), ceilingStat.usecPerCall(), naive, naiveStat.usecPerCall(), pipelined);
    }

    /** The command as one would type it: empty and braced arguments quoted. */
    static String shell(java.util.List<String> command) {
        return command.stream().map(a -> a.isEmpty() || a.matches(".*[{}|*$ ].*") ? "'" + a + "'" : a)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    static CommandStat evalsha(Run run) {
        return run.redis().commandStats().getOrDefault("evalsha", new CommandStat(0, 0));
    }
}
