package io.tierwatch.bench;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import io.tierwatch.bench.measure.RedisStats.CommandStat;
import io.tierwatch.bench.measure.RedisTime;
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
        r.target(SECTION, "Redis time per event (all commands, in the service)", Format.micros(tp.redisMicros()),
                "≤ 10 µs", tp.redisMicros() <= 10);
        r.target(SECTION, "sustained scoring, end to end", Format.rate(tp.perSecond()), "≥ 50,000 events/s",
                tp.perSecond() >= 50_000);
        r.target(SECTION, "sustained scoring ÷ naive baseline", Format.ratio(tp.perSecond() / refs.naive()), "≥ 5×",
                tp.perSecond() / refs.naive() >= 5);
        latency(r, "p99 event → tier-change at " + Format.rate(run.settings().rate()) + ", onboarding "
                + Format.count(run.settings().latencyCustomers()) + " new customers", lat.onboardingTierChange());
        latency(r, "p99 event → tier-change at " + Format.rate(run.settings().rate()) + ", the same customers established",
                lat.establishedTierChange());
        r.target(SECTION, "Redis bytes per customer", Format.bytes(tp.bytesPerCustomer()), "≤ 1,024 B",
                tp.bytesPerCustomer() <= 1024);
        r.add(SECTION, "sustained scoring ÷ ceiling (redis-benchmark)", Format.ratio(tp.perSecond() / refs.ceiling()));
        r.add(SECTION, "sustained scoring ÷ pipelined reference (same mix, no Kafka)", Format.ratio(tp.perSecond() / refs.pipelined()));
        r.add(SECTION, "naive baseline ÷ ceiling", Format.ratio(refs.naive() / refs.ceiling()));
        r.add(SECTION, "Redis µs per event: service ÷ pipelined reference / ÷ naive / ÷ ceiling",
                Format.ratio(tp.redisMicros() / refs.pipelinedMicros()) + " / "
                        + Format.ratio(tp.redisMicros() / refs.naiveMicros()) + " / "
                        + Format.ratio(tp.redisMicros() / refs.ceilingMicros()));
        if (replay > 0) {
            r.add(SECTION, "dataset replay ÷ naive / ÷ ceiling", Format.ratio(replay / refs.naive()) + " / "
                    + Format.ratio(replay / refs.ceiling()));
        }
        if (lat.achievedRate() < 0.95 * run.settings().rate()) {
            r.finding(String.format(Locale.ROOT, "The fixed-rate phase offered only %s: the load generator shares the "
                    + "cores with the stack.", Format.rate(lat.achievedRate())));
        }
        if (lat.onboardingWebhook().getTotalCount() > 0 && lat.onboardingTierChange().getTotalCount() > 0) {
            r.finding(String.format(Locale.ROOT, "At %s, a webhook arrived %s after its tier-change event at the "
                    + "median (p50 %s against %s): that is the time notification-service takes from the tier-change "
                    + "topic to the HTTP delivery.", Format.rate(run.settings().rate()),
                    Format.millis(lat.onboardingWebhook().getValueAtPercentile(50) - lat.onboardingTierChange().getValueAtPercentile(50)),
                    Format.millis(lat.onboardingWebhook().getValueAtPercentile(50)),
                    Format.millis(lat.onboardingTierChange().getValueAtPercentile(50))));
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
        r.finding(String.format(Locale.ROOT, "Redis spends %s per event in the service (pipelined reference: %s, naive: "
                + "%s, ceiling, commit only: %s; the target is 10 µs), of which the commit script %s per call. Commands "
                + "per event during the drain, by time: %s; inside the commit script: %s; the script's own share "
                + "(EVALSHA time outside those commands: arguments, Lua, each redis.call's overhead): %s per event.",
                Format.micros(tp.redisMicros()), Format.micros(refs.pipelinedMicros()), Format.micros(refs.naiveMicros()),
                Format.micros(refs.ceilingMicros()), Format.micros(tp.evalshaMicros()),
                byTime(tp, true), byTime(tp, false),
                Format.micros((double) RedisTime.scriptOverhead(tp.commands()) / tp.events())));
        if (tp.bytesPerCustomer() > 1024) {
            r.finding("Redis memory per customer is above 1 KB: see the MEMORY USAGE samples for which key of a "
                    + "customer holds it (s state hash, t contributors, o outbox, h history) "
                    + "and the global indexes' share.");
        }
    }

    /** The counted commands ({@code counted}) or the script's inner ones, per event, costliest first. */
    private static void latency(Results r, String figure, Histogram h) {
        double p99 = h.getTotalCount() == 0 ? Double.MAX_VALUE : h.getValueAtPercentile(99);
        r.target(SECTION, figure, h.getTotalCount() == 0 ? "no samples" : Format.millis(p99), "≤ 100 ms", p99 <= 100_000);
    }

    private static String byTime(Throughput.Figures tp, boolean counted) {
        return tp.commands().entrySet().stream()
                .filter(e -> (counted ? RedisTime.counts(e.getKey()) : RedisTime.scriptOnly().contains(e.getKey()))
                        && e.getValue().calls() > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, CommandStat> e) -> e.getValue().usec()).reversed())
                .limit(8)
                .map(e -> String.format(Locale.ROOT, "%s %.2f calls / %.1f µs", e.getKey(),
                        (double) e.getValue().calls() / tp.events(), (double) e.getValue().usec() / tp.events()))
                .collect(Collectors.joining(", "));
    }

    private static String largest(Throughput.Figures tp) {
        double scoring = tp.scoringCores();
        double kafka = tp.kafkaCores();
        double redis = tp.redisCores();
        return scoring >= kafka && scoring >= redis ? "scoring-service itself (decode, Jedis, Kafka client, publishing)"
                : kafka >= redis ? "the Kafka broker" : "redis-server";
    }
}
