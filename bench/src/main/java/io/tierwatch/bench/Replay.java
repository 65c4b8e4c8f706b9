package io.tierwatch.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierwatch.bench.load.Datasets;
import io.tierwatch.bench.load.KafkaLoad;
import io.tierwatch.bench.measure.RedisStats.CommandStat;
import io.tierwatch.bench.measure.RedisTime;
import io.tierwatch.bench.report.Format;
import io.tierwatch.contracts.EventEnvelope;

/**
 * The second input: CDNOW and Online Retail replayed in time order while scoring-service runs,
 * produced as fast as the producer goes; the rate runs from the first send to zero lag.
 */
final class Replay {

    static final String SECTION = "Replay of the real datasets (CDNOW, then Online Retail)";

    private Replay() {
    }

    /** Read before the run starts, so a missing or broken file fails it at once. */
    static List<EventEnvelope<?>> load(Settings settings) throws java.io.IOException {
        return settings.datasets() ? Datasets.replay(settings.datasetsDir()) : List.of();
    }

    static double measure(Run run, String group, List<EventEnvelope<?>> events) throws Exception {
        Set<String> customers = new HashSet<>();
        events.forEach(e -> customers.add(e.subject()));
        Run.step("Replaying " + Format.count(events.size()) + " dataset events (" + Format.count(customers.size())
                + " customers) in time order");
        run.redis().resetStats();
        long start = System.nanoTime();
        Iterator<EventEnvelope<?>> it = events.iterator();
        double produceSeconds;
        try (KafkaLoad load = new KafkaLoad(run.settings().bootstrap(), false)) {
            produceSeconds = load.send(it::next, events.size(), 0, null);
        }
        boolean done = run.lag().awaitCaughtUp(group, Run.INPUTS, Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, CommandStat> stats = run.redis().commandStats();
        CommandStat evalsha = RedisTime.scriptCalls(stats);
        double rate = events.size() / seconds;
        run.results().add(SECTION, "events / customers", Format.count(events.size()) + " / " + Format.count(customers.size()));
        run.results().add(SECTION, "produced in", String.format("%.1f s", produceSeconds));
        run.results().add(SECTION, "first send to zero lag" + (done ? "" : " (NOT caught up in 10 min)"),
                String.format("%.1f s = %s", seconds, Format.rate(rate)));
        run.results().add(SECTION, "Redis µs per event / EVALSHA µs per call", Format.micros(
                RedisTime.perEvent(stats, events.size())) + " / " + Format.micros(evalsha.usecPerCall()));
        run.results().note("Replay: CDNOW rows are orders (unit price rounded up, a discount restores the exact value), "
                + "Online Retail invoices are orders and C-invoices returns; cost of goods is 70% of the price; amounts "
                + "are sent in the deployment's base currency as they are (the bench measures cost, not accounting).");
        return rate;
    }
}
