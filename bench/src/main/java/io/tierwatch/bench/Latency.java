package io.tierwatch.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

import io.tierwatch.bench.load.KafkaLoad;
import io.tierwatch.bench.load.SyntheticStream;
import io.tierwatch.bench.measure.CpuTime;
import io.tierwatch.bench.measure.LatencyProbe;
import io.tierwatch.bench.report.Format;
import io.tierwatch.bench.stack.Processes;
import io.tierwatch.harness.ServiceProcess;
import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Topics;

/**
 * Event → tier-change and event → webhook latency, first at a fixed offered rate, then at
 * saturation (produced as fast as the producer goes, so the figure includes queueing). The
 * fixed rate is measured twice on one population: while it onboards (every customer new, so most
 * events of the first seconds change a tier) and then, the same stream continued, once its
 * customers are established (tier changes at the rate the stream's own events cause them). Each
 * phase's customers are owned by the bench rep, so their drops into D reach the bench's webhook
 * receiver through notification-service.
 */
final class Latency {

    static final String SECTION = "Latency (produce → tier-change event → webhook delivery)";
    static final String REP = "rep-bench";

    /** The fixed rate while a new population onboards, then with the same customers established; saturation. */
    record Figures(Histogram onboardingTierChange, Histogram onboardingWebhook, Histogram establishedTierChange,
            Histogram establishedWebhook, Histogram saturatedTierChange, Histogram saturatedWebhook, double achievedRate) {
    }

    private Latency() {
    }

    static Figures measure(Run run, String scoringGroup, LatencyProbe probe, List<ServiceProcess> services) throws Exception {
        Settings s = run.settings();
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach(p -> pids.put(p.name(), p.pid()));
        pids.put("Kafka", s.kafkaPid());
        pids.put("Redis", s.redisPid());
        pids.put("harness", ProcessHandle.current().pid());
        long fixedCount = (long) (s.rate() * s.latencySeconds());
        SyntheticStream fixed = run.stream("lat-", s.latencyCustomers(), (double) s.latencyCustomers() / fixedCount, 1,
                n -> Instant.now());
        SyntheticStream saturated = run.stream("sat-", s.latencyCustomers(),
                Math.min(1.0, (double) s.latencyCustomers() / s.saturationEvents()), 2, n -> Instant.now());
        long warmCount = (long) (s.rate() * s.warmupSeconds());
        SyntheticStream warm = run.stream("warm-", s.latencyCustomers(),
                Math.min(1.0, (double) s.latencyCustomers() / Math.max(1, warmCount)), 3, n -> Instant.now());
        try (KafkaLoad load = new KafkaLoad(s.bootstrap(), true)) {
            Run.step("Upserting " + Format.count(3L * s.latencyCustomers()) + " customers owned by " + REP);
            upsert(load, warm, s.latencyCustomers());
            upsert(load, fixed, s.latencyCustomers());
            upsert(load, saturated, s.latencyCustomers());
            load.flush();
            long upserted = System.nanoTime();
            boolean applied = run.lag().awaitAllCaughtUp(Topics.CUSTOMERS, 2, Duration.ofMinutes(5));
            run.results().add(SECTION, "upserts applied by scoring- and notification-service" + (applied ? "" : " (TIMED OUT)"),
                    String.format("%.1f s for %s", (System.nanoTime() - upserted) / 1e9, Format.count(3L * s.latencyCustomers())));
            probe.awaitReady(Duration.ofSeconds(30));
            if (warmCount > 0) {
                // notification-service has just started and the broker has seen no paced load yet:
                // measuring from the first event would time their JIT warm-up (the first 10–15 s
                // of a quick run's phase had 3× the scoring lag of the rest)
                Run.step("Warm-up, not measured: " + Format.rate(s.rate()) + " for " + s.warmupSeconds()
                        + " s, then on while the services' JIT compilers are busy (up to " + s.warmupMaxSeconds() + " s)");
                load.send(warm::next, warmCount, s.rate(), null);
                // the JIT compiles the paths of a tier change and an alert for tens of seconds (C2,
                // one thread on 2 cores): a phase measured while it does times the compiler too
                long chunk = (long) (s.rate() * WARMUP_CHUNK_SECONDS);
                int warmed = s.warmupSeconds();
                double jit = Double.NaN;
                while (warmed < s.warmupMaxSeconds()) {
                    Map<String, Map<Long, CpuTime.ThreadCpu>> before = threads(services);
                    double seconds = load.send(warm::next, chunk, s.rate(), null);
                    jit = jitCores(before, threads(services), seconds).values().stream().mapToDouble(Double::doubleValue).sum();
                    warmed += WARMUP_CHUNK_SECONDS;
                    if (jit < QUIET_JIT_CORES) {
                        break;
                    }
                }
                settle(run, scoringGroup, probe);
                run.results().add(SECTION, "warm-up (not measured): seconds at the fixed rate / JIT cores of the services in its last "
                        + WARMUP_CHUNK_SECONDS + " s", warmed + " s / "
                        + (Double.isNaN(jit) ? "not measured (no time left under --warmup-max-seconds)"
                                : String.format(Locale.ROOT, "%.2f", jit)));
            }

            Phase onboarding = fixedRate(run, scoringGroup, probe, pids, services, load, fixed, fixedCount, "Fixed rate: "
                    + Format.rate(s.rate()) + " for " + s.latencySeconds() + " s, " + Format.count(s.latencyCustomers())
                    + " customers seen for the first time (onboarding)");
            // the same stream continued: every customer has a state and a tier, as in production
            Phase established = fixedRate(run, scoringGroup, probe, pids, services, load, fixed, (long) (s.rate() * s.steadySeconds()),
                    "Fixed rate: " + Format.rate(s.rate()) + " for " + s.steadySeconds() + " s more, the same "
                            + Format.count(fixed.customersSeen()) + " customers, established");

            Run.step("Saturation: " + Format.count(s.saturationEvents()) + " events as fast as the producer goes");
            probe.reset();
            double satSeconds = load.send(saturated::next, s.saturationEvents(), 0, probe);
            settle(run, scoringGroup, probe);
            Histogram satTier = probe.tierChange();
            Histogram satHook = probe.webhook();

            run.results().add(SECTION, "offered rate achieved (fixed-rate phases, the lower)",
                    Format.rate(Math.min(onboarding.rate(), established.rate())));
            onboarding.report(run, "at " + Format.rate(s.rate()) + ", onboarding: ");
            established.report(run, "at " + Format.rate(s.rate()) + ", established: ");
            run.results().add(SECTION, "saturation offered rate", Format.rate(s.saturationEvents() / satSeconds));
            run.results().add(SECTION, "at saturation: event → tier-change", Format.latency(satTier));
            run.results().add(SECTION, "at saturation: event → webhook", Format.latency(satHook));
            run.results().note("Latency: the produce time is taken just before `KafkaProducer.send` (linger " + KafkaLoad.ORDER_SERVICE_LINGER_MS + " ms as in order-service, acks=all); "
                    + "a tier change is matched on `triggeringEventId`, a webhook on the `X-Tierwatch-Event-Id` header "
                    + "(the tier event id); HdrHistogram, 3 significant digits. Only events that change a tier have a "
                    + "sample; webhooks come for drops into D (and leaving A), per notification-service's rules.");
            return new Figures(onboarding.tierChange(), onboarding.webhook(), established.tierChange(), established.webhook(),
                    satTier, satHook, Math.min(onboarding.rate(), established.rate()));
        }
    }

    /** One measured fixed-rate phase: its histograms, its timeline and the rate it achieved. */
    private record Phase(Histogram tierChange, Histogram sent, Histogram webhook, String timeline, double rate, String cores) {

        void report(Run run, String prefix) {
            run.results().add(SECTION, prefix + "event → tier-change", Format.latency(tierChange));
            run.results().add(SECTION, prefix + "event → tier change sent by scoring (record CreateTime, ms)",
                    Format.latency(sent));
            run.results().add(SECTION, prefix + "event → webhook", Format.latency(webhook));
            run.results().add(SECTION, prefix + "tier changes / p99 by " + LatencyProbe.WINDOW_SECONDS
                    + " s of the phase (when the event was sent)", timeline);
            run.results().add(SECTION, prefix + "cores used while the events were sent", cores);
        }
    }

    private static Phase fixedRate(Run run, String scoringGroup, LatencyProbe probe, Map<String, Long> pids,
            List<ServiceProcess> services, KafkaLoad load, SyntheticStream stream, long count, String step) {
        Run.step(step);
        probe.reset();
        Map<String, Double> cpuBefore = cpu(pids);
        Map<String, Map<Long, CpuTime.ThreadCpu>> threadsBefore = threads(services);
        double seconds = load.send(stream::next, count, run.settings().rate(), probe);
        Map<String, Double> cpuAfter = cpu(pids);
        Map<String, Double> jit = jitCores(threadsBefore, threads(services), seconds);
        settle(run, scoringGroup, probe);
        StringBuilder cores = new StringBuilder();
        cpuAfter.forEach((name, after) -> cores.append(cores.isEmpty() ? "" : " / ").append(name).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", (after - cpuBefore.get(name)) / seconds)));
        cores.append(" of ").append(Runtime.getRuntime().availableProcessors()).append("; of which JIT compiler threads");
        jit.forEach((name, used) -> cores.append(' ').append(name).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", used)));
        return new Phase(probe.tierChange(), probe.tierChangeSent(), probe.webhook(), timeline(probe), count / seconds,
                cores.toString());
    }

    static final int WARMUP_CHUNK_SECONDS = 5;
    /** The services' JIT compilers together below this over a warm-up chunk: warm enough to measure. */
    static final double QUIET_JIT_CORES = 0.05;

    /** The threads of each service, for {@link #jitCores}. */
    private static Map<String, Map<Long, CpuTime.ThreadCpu>> threads(List<ServiceProcess> services) {
        Map<String, Map<Long, CpuTime.ThreadCpu>> threads = new LinkedHashMap<>();
        services.forEach(p -> threads.put(p.name(), CpuTime.ofThreads(p.pid(), Map.of())));
        return threads;
    }

    /** Cores each service's JIT compiler threads used between two readings {@code seconds} apart. */
    private static Map<String, Double> jitCores(Map<String, Map<Long, CpuTime.ThreadCpu>> before,
            Map<String, Map<Long, CpuTime.ThreadCpu>> after, double seconds) {
        Map<String, Double> cores = new LinkedHashMap<>();
        after.forEach((service, threads) -> cores.put(service,
                CpuTime.used(before.getOrDefault(service, Map.of()), threads, Map.of()).get(CpuTime.JIT) / seconds));
        return cores;
    }

    /** CPU seconds so far of each process, and of the whole machine (busy time summed over cores). */
    private static Map<String, Double> cpu(Map<String, Long> pids) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, CpuTime.ofProcess(pid)));
        cpu.put("machine", CpuTime.machineBusy());
        return cpu;
    }

    private static String timeline(LatencyProbe probe) {
        StringBuilder out = new StringBuilder();
        probe.timeline().forEach((window, h) -> {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            int from = window * LatencyProbe.WINDOW_SECONDS;
            out.append(from).append('–').append(from + LatencyProbe.WINDOW_SECONDS).append(" s: ")
                    .append(Format.count(h.getTotalCount())).append(" / ")
                    .append(Format.millis(h.getValueAtPercentile(99)));
        });
        return out.toString();
    }

    private static void upsert(KafkaLoad load, SyntheticStream stream, int customers) {
        Instant now = Instant.now();
        for (int rank = 0; rank < customers; rank++) {
            String id = stream.customerId(rank);
            load.send(EventEnvelope.of("up-" + id, java.net.URI.create("urn:tierwatch:bench"), now, id,
                    new CustomerUpserted(id, "Bench customer " + rank, REP, LocalDate.now().minusDays(rank % 800),
                            false, now)));
        }
    }

    private static void settle(Run run, String scoringGroup, LatencyProbe probe) {
        run.lag().awaitCaughtUp(scoringGroup, Run.INPUTS, Duration.ofMinutes(10));
        probe.awaitQuiet(Duration.ofSeconds(3), Duration.ofSeconds(90));
    }

    static List<String> notificationArgs(Settings s, String webhookUrl) {
        return List.of("--spring.kafka.bootstrap-servers=" + s.bootstrap(),
                "--tierwatch.redis.url=redis://" + s.redisHost() + ":" + s.redisPort(),
                "--tierwatch.reps[0].id=" + REP, "--tierwatch.reps[0].name=Bench Rep",
                "--tierwatch.reps[0].email=" + REP + "@localhost", "--tierwatch.reps[0].webhook-url=" + webhookUrl,
                "--tierwatch.delivery.webhook-allow-list[0]=" + java.net.URI.create(webhookUrl).resolve("/"),
                "--tierwatch.reps[0].webhook-secret=bench", "--tierwatch.reps[0].password={noop}bench");
    }
}
