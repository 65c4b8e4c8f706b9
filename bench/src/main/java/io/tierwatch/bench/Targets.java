package io.tierwatch.bench;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.tierwatch.bench.measure.RedisStats.CommandStat;
import io.tierwatch.bench.report.Format;
import io.tierwatch.bench.report.Results;

/**
 * Issue 6's targets against this run's figures, the ratios to the two references, and what the
 * measurements say limits a missed target. Nothing here is typed in: every sentence is built
 * from figures of the run.
 */
final class Targets {

    static final String SECTION = "Targets (issue 6) and ratios to the references";

    private Targets() {
    }

    static void judge(Run run, References.Figures refs, Throughput.Figures tp, Latency.Figures lat, double replay) {
        Results r = run.results();
        int cores = Runtime.getRuntime().availableProcessors();
        r.target(SECTION, "Redis time per event (apply script, in the service)", Format.micros(tp.evalshaMicros()),
                "≤ 10 µs", tp.evalshaMicros() <= 10);
        r.target(SECTION, "sustained scoring, end to end", Format.rate(tp.perSecond()), "≥ 50,000 events/s",
                tp.perSecond() >= 50_000);
        r.target(SECTION, "sustained scoring ÷ naive baseline", Format.ratio(tp.perSecond() / refs.naive()), "≥ 5×",
                tp.perSecond() / refs.naive() >= 5);
        double p99 = lat.fixedTierChange().getTotalCount() == 0 ? Double.MAX_VALUE
                : lat.fixedTierChange().getValueAtPercentile(99);
        r.target(SECTION, "p99 event → tier-change at " + Format.rate(run.settings().rate()),
                lat.fixedTierChange().getTotalCount() == 0 ? "no samples" : Format.millis(p99), "≤ 100 ms", p99 <= 100_000);
        r.target(SECTION, "Redis bytes per customer", Format.bytes(tp.bytesPerCustomer()), "≤ 1,024 B",
                tp.bytesPerCustomer() <= 1024);
        r.add(SECTION, "sustained scoring ÷ ceiling (redis-benchmark)", Format.ratio(tp.perSecond() / refs.ceiling()));
        r.add(SECTION, "sustained scoring ÷ pipelined reference (same mix, no Kafka)", Format.ratio(tp.perSecond() / refs.pipelined()));
        r.add(SECTION, "naive baseline ÷ ceiling", Format.ratio(refs.naive() / refs.ceiling()));
        if (replay > 0) {
            r.add(SECTION, "dataset replay ÷ naive / ÷ ceiling", Format.ratio(replay / refs.naive()) + " / "
                    + Format.ratio(replay / refs.ceiling()));
        }
        if (lat.achievedRate() < 0.95 * run.settings().rate()) {
            r.finding(String.format(Locale.ROOT, "The fixed-rate phase offered only %s: the load generator shares the "
                    + "cores with the stack.", Format.rate(lat.achievedRate())));
        }
        if (lat.fixedWebhook().getTotalCount() > 0 && lat.fixedTierChange().getTotalCount() > 0) {
            r.finding(String.format(Locale.ROOT, "At %s, a webhook arrived %s after its tier-change event at the "
                    + "median (p50 %s against %s): that is the time notification-service takes from the tier-change "
                    + "topic to the HTTP delivery.", Format.rate(run.settings().rate()),
                    Format.millis(lat.fixedWebhook().getValueAtPercentile(50) - lat.fixedTierChange().getValueAtPercentile(50)),
                    Format.millis(lat.fixedWebhook().getValueAtPercentile(50)),
                    Format.millis(lat.fixedTierChange().getValueAtPercentile(50))));
        }
        r.finding(String.format(Locale.ROOT, "During the drain the machine used %.2f of %d cores: scoring-service %.2f, "
                + "Kafka broker %.2f, redis-server %.2f (the rest: this harness, other processes).",
                tp.machineBusy(), cores, tp.scoringCores(), tp.kafkaCores(), tp.redisCores()));
        if (tp.perSecond() < 50_000) {
            String limit = tp.machineBusy() >= 0.85 * cores
                    ? "the cores were saturated, so throughput is CPU-bound here; the largest consumer of CPU per event is "
                            + largest(tp) + "."
                    : "cores were left idle, so the drain waits rather than computes: each poll is applied, indexed and "
                            + "published in sequence by one listener thread, so round trips, not CPU, set the pace.";
            r.finding(String.format(Locale.ROOT, "Sustained scoring reached %s against a Redis-only ceiling of %s: %s "
                    + "CPU per event: scoring-service %.0f µs, broker %.0f µs, redis-server %.0f µs.",
                    Format.rate(tp.perSecond()), Format.rate(refs.ceiling()), limit,
                    tp.scoringCores() / tp.perSecond() * 1e6, tp.kafkaCores() / tp.perSecond() * 1e6,
                    tp.redisCpuMicros()));
        }
        String inner = tp.commands().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("eval") && e.getValue().calls() > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, CommandStat> e) -> e.getValue().usec()).reversed())
                .limit(8)
                .map(e -> String.format(Locale.ROOT, "%s %.1f calls / %.1f µs", e.getKey(),
                        (double) e.getValue().calls() / tp.events(), (double) e.getValue().usec() / tp.events()))
                .collect(Collectors.joining(", "));
        r.finding(String.format(Locale.ROOT, "The apply script costs %s per call inside Redis in the service (naive "
                + "run: %s, ceiling run: %s; the target is 10 µs). Redis commands per event during the drain, by time "
                + "(commands inside the script are counted in INFO commandstats too, and their time is part of "
                + "evalsha's): %s.", Format.micros(tp.evalshaMicros()), Format.micros(refs.naiveMicros()),
                Format.micros(refs.ceilingMicros()), inner));
        if (tp.bytesPerCustomer() > 1024) {
            r.finding("Redis memory per customer is above 1 KB: see the MEMORY USAGE samples for which key of a "
                    + "customer holds it (s state with the months, b day buckets, t contributors, o outbox, h history) "
                    + "and the global indexes' share.");
        }
    }

    private static String largest(Throughput.Figures tp) {
        double scoring = tp.scoringCores();
        double kafka = tp.kafkaCores();
        double redis = tp.redisCores();
        return scoring >= kafka && scoring >= redis ? "scoring-service itself (decode, Jedis, Kafka client, publishing)"
                : kafka >= redis ? "the Kafka broker" : "redis-server";
    }
}
