package io.tierwatch.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tierwatch.bench.load.KafkaLoad;
import io.tierwatch.bench.load.SyntheticStream;
import io.tierwatch.bench.measure.CpuTime;
import io.tierwatch.bench.measure.Drain;
import io.tierwatch.bench.measure.RedisStats.CommandStat;
import io.tierwatch.bench.measure.RedisTime;
import io.tierwatch.bench.measure.Rss;
import io.tierwatch.bench.report.Format;
import io.tierwatch.bench.report.Results;
import io.tierwatch.bench.stack.Processes;
import io.tierwatch.harness.ServiceProcess;
import io.tierwatch.contracts.Topics;

/**
 * Sustained scoring throughput: the synthetic backlog is on the topics before scoring-service
 * starts, then the service drains it; the rate counts from its first commit to the last. The
 * same drain gives Redis time per event (INFO commandstats) and Redis bytes per customer.
 */
final class Throughput {

    static final String SECTION = "Scoring throughput and Redis cost (synthetic backlog)";

    /** What later phases and the findings need from this one; {@code events}: all the service consumed while commandstats counted. */
    record Figures(double perSecond, double redisMicros, double evalshaMicros, double redisCpuMicros, double bytesPerCustomer,
            double scoringCores, double kafkaCores, double redisCores, double machineBusy, long events,
            Map<String, CommandStat> commands, Instant drainStart, Instant drainEnd) {
    }

    private Throughput() {
    }

    static Figures measure(Run run, List<String> scoringJvm, List<ServiceProcess> started) throws Exception {
        Settings s = run.settings();
        Results r = run.results();
        SyntheticStream stream = run.stream("syn-", s.customers(), s.newShare(), 0, Run.history(s.events()));
        Run.step("Producing the backlog: " + Format.count(s.events()) + " synthetic events onto the input topics");
        double produceSeconds;
        try (KafkaLoad load = new KafkaLoad(s.bootstrap(), false)) {
            produceSeconds = load.send(stream::next, s.events(), 0, null);
        }
        r.add(SECTION, "backlog produced (Kafka producer, acks=all)", Format.count(s.events()) + " events, "
                + Format.count(stream.customersSeen()) + " customers, " + Format.rate(s.events() / produceSeconds));

        long memoryBefore = run.redis().usedMemory();
        run.redis().resetStats();
        Run.step("Starting scoring-service; it drains the backlog");
        long startedAt = System.nanoTime();
        ServiceProcess scoring = Processes.start("scoring-service", s.jar("scoring-service"), s.scoringPort(),
                scoringJvm, scoringArgs(s), s.state());
        started.add(scoring);
        String group = run.lag().groupConsuming(Topics.ORDERS, Duration.ofMinutes(5));
        double startup = (System.nanoTime() - startedAt) / 1e9;
        double[] cpu0 = cpu(run, scoring);
        Map<Long, CpuTime.ThreadCpu> threads0 = CpuTime.ofThreads(scoring.pid(), SCORING_THREADS);
        Instant drainStart = Instant.now();
        Drain drain = Drain.measure(run.lag(), group, Run.INPUTS, Duration.ofMinutes(30));
        double[] cpu1 = cpu(run, scoring);
        Map<Long, CpuTime.ThreadCpu> threads1 = CpuTime.ofThreads(scoring.pid(), SCORING_THREADS);
        Instant drainEnd = Instant.now();
        if (!drain.complete()) {
            r.note("The drain did not finish within 30 minutes; the rate covers what was committed.");
        }
        var stats = run.redis().commandStats();
        CommandStat evalsha = RedisTime.scriptCalls(stats);
        if (evalsha.calls() == 0) {
            throw new IllegalStateException("scoring-service drained the backlog without one EVAL/EVALSHA: did it "
                    + "commit anything? (log: " + s.state().resolve("logs/scoring-service.log") + ")");
        }
        long deadLettered = run.lag().endOffsets(List.of(Topics.deadLetterOf(Topics.ORDERS),
                Topics.deadLetterOf(Topics.SERVICE_TICKETS))).values().stream().mapToLong(Long::longValue).sum();
        if (deadLettered > drain.events() / 100) {
            throw new IllegalStateException("scoring-service dead-lettered " + deadLettered + " of " + drain.events()
                    + " records (base currency not EUR? event format changed?); see "
                    + s.state().resolve("logs/scoring-service.log"));
        }
        // commandstats count from before the service started: divide by all it consumed, the first poll too
        long consumed = run.lag().committedTotal(group, Run.INPUTS);
        double redisMicros = RedisTime.perEvent(stats, consumed);
        long memoryAfter = run.redis().usedMemory();
        int customers = stream.customersSeen();
        double perCustomer = (double) (memoryAfter - memoryBefore) / customers;
        double wall = drain.seconds();

        r.add(SECTION, "scoring-service start-up to first commit", String.format("%.1f s", startup));
        r.add(SECTION, "events drained / seconds (from first commit)", Format.count(drain.events()) + " in "
                + String.format("%.1f s", wall));
        r.add(SECTION, "peak rate over a 0.5 s sample", Format.rate(drain.peakPerSecond()));
        r.add(SECTION, "rate over the backlog's second half (JIT compilation mostly done)",
                Format.rate(drain.laterHalfPerSecond()));
        double redisCpu = cpu1[2] - cpu0[2];
        r.add(SECTION, "Redis µs per event (commandstats usec ÷ events, script's inner commands in EVALSHA)",
                Format.micros(redisMicros));
        r.add(SECTION, "EVALSHA (commit script) µs per call / calls per event", Format.micros(evalsha.usecPerCall())
                + " / " + String.format("%.2f", (double) evalsha.calls() / consumed));
        r.add(SECTION, "redis-server CPU per event (reads, commits, index writes, outbox, I/O)",
                Format.micros(redisCpu * 1e6 / drain.events()));
        r.add(SECTION, "customers in Redis", Format.count(customers));
        r.add(SECTION, "Redis used_memory delta", Format.bytes(memoryAfter - memoryBefore));
        r.add(SECTION, "RSS scoring-service after the drain", Format.bytes(Rss.of(scoring.pid())));
        Figures f = new Figures(drain.perSecond(), redisMicros, evalsha.usecPerCall(), redisCpu * 1e6 / drain.events(), perCustomer,
                (cpu1[0] - cpu0[0]) / wall, (cpu1[1] - cpu0[1]) / wall, redisCpu / wall, (cpu1[3] - cpu0[3]) / wall,
                consumed, stats, drainStart, drainEnd);
        r.add(SECTION, "cores used during the drain: scoring / Kafka / Redis / whole machine",
                String.format("%.2f / %.2f / %.2f / %.2f of %d", f.scoringCores(), f.kafkaCores(), f.redisCores(),
                        f.machineBusy(), Runtime.getRuntime().availableProcessors()));
        r.add(SECTION, "scoring-service cores during the drain, by thread",
                byThread(threads0.isEmpty() || threads1.isEmpty() ? Map.of()
                        : CpuTime.used(threads0, threads1, SCORING_THREADS), cpu1[0] - cpu0[0], wall));
        MemorySamples.record(run, stream, customers);
        r.note("Throughput: " + Format.count(s.events()) + " events (seed " + s.seed() + ", Zipf s=" + s.zipfExponent()
                + " over " + Format.count(s.customers()) + " customers; " + Math.round(100 * s.newShare())
                + "% of the events from customers seen for the first time, so every customer appears) were produced before scoring-service started; the rate is committed offsets of its "
                + "consumer group (found on the broker: `" + group + "`) from the first commit to zero lag, sampled every 0.5 s.");
        r.note("Redis µs per event: `CONFIG RESETSTAT` before the drain, `INFO commandstats` after; the usec of "
                + "every command summed, except those only the commit script calls (" + String.join(", ",
                        new java.util.TreeSet<>(RedisTime.scriptOnly())) + ": their time is inside EVALSHA's) and the "
                + "harness's own (INFO, CONFIG RESETSTAT), divided by the events drained. HDEL is called by the script "
                + "and by the outbox publisher: it is counted, a small over-count. Bytes per customer: `used_memory` after minus before, divided by the customers the stream touched.");
        return f;
    }

    /** scoring-service's threads by name prefix (as Linux keeps it: 15 characters), besides JIT and GC. */
    static final Map<String, String> SCORING_THREADS = scoringThreads();

    private static Map<String, String> scoringThreads() {
        Map<String, String> groups = new LinkedHashMap<>(); // in the report's order
        groups.put("tierwatch-scori", "consumers (decode, ledger, publishing)");
        groups.put("kafka-producer-", "Kafka producer I/O");
        return Collections.unmodifiableMap(groups);
    }

    /**
     * The cores of each group of threads ({@link CpuTime#used}); the process's own total less the
     * groups' is what threads that ended during the drain used (the JVM stops idle compiler threads).
     */
    static String byThread(Map<String, Double> used, double processSeconds, double wall) {
        if (used.isEmpty() || wall <= 0) {
            return "not read";
        }
        StringBuilder out = new StringBuilder();
        double groups = 0;
        for (Map.Entry<String, Double> e : used.entrySet()) {
            groups += e.getValue();
            out.append(out.isEmpty() ? "" : " / ").append(e.getKey()).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", e.getValue() / wall));
        }
        return out.append(" / threads that ended during the drain ")
                .append(String.format(Locale.ROOT, "%.2f", Math.max(0, processSeconds - groups) / wall)).toString();
    }

    private static double[] cpu(Run run, ServiceProcess scoring) {
        List<Double> values = new ArrayList<>(List.of(CpuTime.ofProcess(scoring.pid()),
                CpuTime.ofProcess(run.settings().kafkaPid()), CpuTime.ofProcess(run.settings().redisPid()),
                CpuTime.machineBusy()));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** scoring-service's arguments on the bench's stack. */
    /**
     * The portfolio's background scan (a read of every customer) would run during the drain and
     * share its Redis and cores: the bench measures scoring, so it scans once an hour.
     */
    static List<String> scoringArgs(Settings s) {
        return List.of("--spring.kafka.bootstrap-servers=" + s.bootstrap(),
                "--tierwatch.redis.url=redis://" + s.redisHost() + ":" + s.redisPort(),
                "--tierwatch.scoring.portfolio.refresh=PT1H");
    }
}
