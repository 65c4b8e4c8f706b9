package io.tierwatch.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What one run does, from the command line ({@code --name value} or {@code --flag}). bench/run
 * passes the stack's ports, pids and paths; the sizes have full and {@code --quick} defaults.
 */
record Settings(
        boolean quick,
        long events,
        int customers,
        double zipfExponent,
        long seed,
        long naiveEvents,
        long ceilingRequests,
        int ceilingClients,
        int ceilingPipeline,
        double rate,
        int latencySeconds,
        int steadySeconds,
        int warmupSeconds,
        int warmupMaxSeconds,
        int latencyCustomers,
        long saturationEvents,
        boolean datasets,
        boolean jfr,
        Path root,
        Path state,
        Path datasetsDir,
        String bootstrap,
        String redisHost,
        int redisPort,
        long kafkaPid,
        long redisPid,
        int scoringPort,
        int notificationPort,
        int webhookPort,
        String command,
        boolean customSizes) {

    private static final java.util.Set<String> SIZES = java.util.Set.of("events", "customers", "naive-events",
            "ceiling-requests", "latency-seconds", "steady-seconds", "warmup-seconds", "warmup-max-seconds", "latency-customers", "saturation-events", "rate");

    static Settings parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            a.put(name, flag ? "true" : args[++i]);
        }
        boolean quick = a.containsKey("quick");
        Path root = Path.of(a.getOrDefault("root", ".")).toAbsolutePath().normalize();
        return new Settings(quick,
                num(a, "events", quick ? 50_000 : 1_200_000),
                (int) num(a, "customers", quick ? 25_000 : 1_000_000),
                Double.parseDouble(a.getOrDefault("zipf", "0.9")),
                num(a, "seed", 20261127),
                num(a, "naive-events", quick ? 20_000 : 100_000),
                num(a, "ceiling-requests", quick ? 100_000 : 500_000),
                (int) num(a, "ceiling-clients", 4),
                (int) num(a, "ceiling-pipeline", 64),
                Double.parseDouble(a.getOrDefault("rate", "5000")),
                (int) num(a, "latency-seconds", quick ? 10 : 60),
                (int) num(a, "steady-seconds", quick ? 10 : 60),
                (int) num(a, "warmup-seconds", quick ? 5 : 15),
                (int) num(a, "warmup-max-seconds", quick ? 15 : 60),
                (int) num(a, "latency-customers", quick ? 1_500 : 5_000),
                num(a, "saturation-events", quick ? 30_000 : 150_000),
                !a.containsKey("no-datasets"),
                a.containsKey("jfr"),
                root,
                Path.of(a.getOrDefault("state", root.resolve("bench/target/stack").toString())),
                Path.of(a.getOrDefault("datasets", root.resolve("../shared/datasets").toString())).normalize(),
                a.getOrDefault("bootstrap", "127.0.0.1:19092"),
                a.getOrDefault("redis-host", "127.0.0.1"),
                (int) num(a, "redis-port", 16379),
                num(a, "kafka-pid", -1),
                num(a, "redis-pid", -1),
                (int) num(a, "scoring-port", 18082),
                (int) num(a, "notification-port", 18083),
                (int) num(a, "webhook-port", 19099),
                a.getOrDefault("command", "bench/run" + (quick ? " --quick" : "")),
                a.keySet().stream().anyMatch(SIZES::contains));
    }

    private static long num(Map<String, String> args, String name, long fallback) {
        return args.containsKey(name) ? Long.parseLong(args.get(name).replace("_", "")) : fallback;
    }

    /** How the report names the run's sizes. */
    String sizes() {
        return customSizes ? "sizes set on the command line" : quick ? "quick sizes" : "full sizes";
    }

    /** Share of events from a customer's first appearance: every customer of the population appears once per run. */
    double newShare() {
        return Math.min(1.0, (double) customers / events);
    }

    /** {@code <service>/target/<service>-<version>-exec.jar}, as ./tierwatch finds it. */
    Path jar(String service) {
        Path target = root.resolve(service).resolve("target");
        try (var files = java.nio.file.Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches(service + "-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no exec jar in " + target + ": build it first"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot list " + target + ": build it first", e);
        }
    }

    Path doc() {
        return root.resolve("docs/benchmarks.md");
    }
}
