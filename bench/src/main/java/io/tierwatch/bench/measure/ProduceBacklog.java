package io.tierwatch.bench.measure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.tierwatch.bench.load.KafkaLoad;
import io.tierwatch.bench.load.SyntheticStream;
import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.EventEnvelope;

/**
 * Fills a running stack with the benchmark's synthetic stream, for measuring what a large
 * deployment's pages cost: {@code events} events over {@code customers} customers spread over the
 * last 180 days, then master data giving every customer one of {@code reps} owners
 * ({@code rep-demo} among them). For docs/portal.md's timings:
 * {@code java -cp "bench/target/classes:bench/target/lib/*" io.tierwatch.bench.measure.ProduceBacklog 127.0.0.1:9092 1200000 1000000 100}.
 */
public final class ProduceBacklog {

    private ProduceBacklog() {
    }

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        long events = args.length > 1 ? Long.parseLong(args[1]) : 1_200_000;
        int customers = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        Instant start = Instant.now().minus(Duration.ofDays(180));
        long step = Duration.ofDays(180).toMillis() / events;
        SyntheticStream stream = new SyntheticStream("m", customers, 0.9, (double) customers / events, 20261202L,
                n -> start.plusMillis(n * step));
        long began = System.nanoTime();
        try (KafkaLoad load = new KafkaLoad(bootstrap, false)) {
            load.send(stream::next, events, 0, null);
            Instant now = Instant.now();
            for (int rank = 0; rank < customers; rank++) {
                String id = stream.customerId(rank);
                String owner = rank % reps == 0 ? "rep-demo" : "rep-" + (rank % reps);
                CustomerUpserted customer = new CustomerUpserted(id, "Customer " + id, owner,
                        LocalDate.of(2020, 1, 1).plusDays(rank % 1500), false, now);
                load.send(EventEnvelope.of("customer-upserted:" + id + ":" + now.toEpochMilli(), java.net.URI.create("/tierwatch/bench"), now,
                        id, customer));
            }
            load.flush();
        }
        System.out.printf("%d events and %d customers' master data produced in %.1f s%n", events,
                customers, (System.nanoTime() - began) / 1e9);
    }
}
