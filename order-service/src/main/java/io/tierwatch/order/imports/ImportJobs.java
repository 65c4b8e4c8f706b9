package io.tierwatch.order.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tierwatch.order.OrderServiceProperties;
import io.tierwatch.order.imports.ImportStatus.State;
import io.tierwatch.order.ingest.Ingestion;

/**
 * Runs imports one after another on a single worker thread (they queue; each already keeps
 * Kafka busy with whole batches) and remembers the most recent ones for status requests.
 * Progress lives in memory: an import is tied to the instance holding its uploaded files.
 */
@Component
class ImportJobs implements DisposableBean {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "csv-import"));
    private final Map<String, ImportProgress> recent = new LinkedHashMap<>();
    private final ImportSettings settings;
    private final Ingestion ingestion;
    private final Clock clock;
    private final int kept;
    private volatile ImportProgress latest;

    ImportJobs(OrderServiceProperties properties, Ingestion ingestion, Clock clock, MeterRegistry meters) {
        this.settings = ImportSettings.of(properties);
        this.ingestion = ingestion;
        this.clock = clock;
        this.kept = properties.imports().keptImports();
        registerGauges(meters);
    }

    ImportStatus submit(List<Upload> uploads) {
        ImportProgress progress = new ImportProgress(UUID.randomUUID().toString(),
                uploads.stream().map(Upload::name).toList(), settings.maxReportedRejections(), clock);
        synchronized (recent) {
            recent.put(progress.id(), progress);
            if (recent.size() > kept) {
                recent.remove(recent.keySet().iterator().next());
            }
        }
        worker.execute(() -> {
            latest = progress;
            new ImportRunner(settings, ingestion, progress, clock).run(uploads);
        });
        return progress.status();
    }

    Optional<ImportStatus> status(String id) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(id)).map(ImportProgress::status);
        }
    }

    private void registerGauges(MeterRegistry meters) {
        Map<String, Function<ImportProgress, Number>> rows = Map.of("read", p -> p.read.get(),
                "skipped", p -> p.skipped.get(), "rejected", p -> p.rejected.get(),
                "published", p -> p.published.get(), "duplicate", p -> p.duplicate.get());
        rows.forEach((outcome, count) -> Gauge.builder("tierwatch.import.rows", this,
                        jobs -> jobs.latest == null ? 0 : count.apply(jobs.latest).doubleValue())
                .description("Rows of the current (or last) import, by outcome").tag("outcome", outcome)
                .register(meters));
        Gauge.builder("tierwatch.imports.active", this, jobs -> jobs.count(State.RUNNING) + jobs.count(State.QUEUED))
                .description("Imports running or waiting to run").register(meters);
    }

    private long count(State state) {
        List<ImportProgress> all;
        synchronized (recent) {
            all = new ArrayList<>(recent.values());
        }
        return all.stream().filter(p -> p.state() == state).count();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
