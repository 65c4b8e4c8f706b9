package io.tierwatch.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.tierwatch.bench.measure.LatencyProbe;
import io.tierwatch.bench.measure.Lag;
import io.tierwatch.bench.measure.RedisStats;
import io.tierwatch.bench.measure.Rss;
import io.tierwatch.harness.WebhookReceiver;
import io.tierwatch.bench.report.Format;
import io.tierwatch.bench.report.Machine;
import io.tierwatch.bench.report.MarkdownReport;
import io.tierwatch.bench.report.Results;
import io.tierwatch.bench.stack.Processes;
import io.tierwatch.harness.ServiceProcess;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.ledger.RedisLedger;

/**
 * The benchmark run behind bench/run: references, throughput and memory, dataset replay, latency,
 * process memory; then the table on the console and the generated section of docs/benchmarks.md.
 * bench/run has started Kafka and Redis; this starts the services and stops them at the end.
 */
public final class Bench {

    private Bench() {
    }

    /** Exits with 0 when the report is written, 1 with the reason when a phase failed. */
    public static void main(String[] args) {
        try {
            run(Settings.parse(args));
        } catch (Exception e) {
            System.err.println("bench failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // client threads (Kafka, the webhook receiver) must not keep the JVM alive
    }

    private static void run(Settings s) throws Exception {
        if (s.datasets() && !Files.isDirectory(s.datasetsDir().resolve("retail-data/by-day"))) {
            throw new IllegalArgumentException("the datasets are not in " + s.datasetsDir()
                    + ": pass --datasets DIR (bench/run: BENCH_DATASETS=DIR) or --no-datasets");
        }
        List<EventEnvelope<?>> datasets = Replay.load(s);
        Results results = new Results();
        List<ServiceProcess> started = new ArrayList<>();
        Throughput.Figures tp = null;
        long begin = System.nanoTime();
        ZonedDateTime date = ZonedDateTime.now(ZoneOffset.UTC);
        try (RedisStats redis = new RedisStats(s.redisHost(), s.redisPort()); Lag lag = new Lag(s.bootstrap());
                WebhookReceiver webhooks = WebhookReceiver.timing(s.webhookPort())) {
            Machine.describe(results, redis.version());
            // the commit script the ledger sends (the ceiling calls it by this SHA; the ledger loads its own)
            Run run = new Run(s, results, redis, lag, redis.scriptLoad(RedisLedger.commitScriptSource()));
            References.Figures refs = References.measure(run);
            List<String> scoringJvm = new ArrayList<>(List.of("-Xms128m", "-Xmx512m"));
            if (s.jfr()) {
                scoringJvm.add("-XX:StartFlightRecording=filename=" + s.state().resolve("scoring-service.jfr")
                        + ",settings=profile,dumponexit=true");
            }
            scoringJvm.addAll(extraOptions("BENCH_SCORING_OPTS"));
            tp = Throughput.measure(run, scoringJvm, started);
            String scoringGroup = lag.groupConsuming(Topics.ORDERS, Duration.ofSeconds(10));
            double replay = datasets.isEmpty() ? 0 : Replay.measure(run, scoringGroup, datasets);
            Rebuild.measure(run, started, scoringJvm, scoringGroup);

            Run.step("Starting notification-service (its tier-change group starts at the end of the topic)");
            lag.skipToEnd("notification-service", List.of(Topics.CUSTOMER_TIER_CHANGES));
            // a fresh start at the end of the topic, said as an operator says it: no seen markers to recover
            run.redis().set("tw:notify:store", "fresh");
            ServiceProcess notification = Processes.start("notification-service", s.jar("notification-service"),
                    s.notificationPort(), notificationJvm(), Latency.notificationArgs(s, webhooks.url()),
                    s.state());
            started.add(notification);
            notification.awaitHealthy(Duration.ofMinutes(3));
            Latency.Figures lat;
            try (LatencyProbe probe = new LatencyProbe(s.bootstrap(), webhooks)) {
                lat = Latency.measure(run, scoringGroup, probe, started);
            }
            processes(results, started, s);
            Targets.judge(run, refs, tp, lat, replay);
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
        }
        if (s.jfr()) {
            Profile.summarise(results, s.state().resolve("scoring-service.jfr"), tp.drainStart(), tp.drainEnd());
        }
        double minutes = (System.nanoTime() - begin) / 60e9;
        String header = "## Run of " + date.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")) + "\n\n"
                + "Command: `" + s.command() + "` (" + s.sizes()
                + String.format(", harness phases took %.1f min", minutes) + ").";
        Run.step("All figures");
        results.printTable();
        MarkdownReport.write(s.doc(), results, header);
        Run.step("Written to " + s.doc() + (results.anyMissed() ? " (some targets MISSED: see the findings)" : ""));
    }

    /**
     * JVM options for a service from an environment variable, split on spaces: a JFR recording or
     * a {@code -Dspring.kafka...} property to try (system properties override the service's yml).
     */
    private static List<String> extraOptions(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    private static List<String> notificationJvm() {
        List<String> jvm = new ArrayList<>(List.of("-Xms128m", "-Xmx512m"));
        jvm.addAll(extraOptions("BENCH_NOTIFICATION_OPTS"));
        return jvm;
    }

    private static void processes(Results results, List<ServiceProcess> started, Settings s) {
        String section = "Memory of each process (RSS at the end of the run)";
        for (ServiceProcess p : started) {
            results.add(section, p.name(), Format.bytes(Rss.of(p.pid())));
        }
        results.add(section, "Kafka broker", Format.bytes(Rss.of(s.kafkaPid())));
        results.add(section, "redis-server", Format.bytes(Rss.of(s.redisPid())));
    }
}
