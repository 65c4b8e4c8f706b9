package io.tierwatch.order.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tierwatch.order.OrderServiceProperties;
import io.tierwatch.order.customers.MasterData;
import io.tierwatch.order.imports.ImportProgress.Job;
import io.tierwatch.order.imports.ImportStatus.Kind;
import io.tierwatch.order.ingest.Ingestion;

/**
 * Runs imports one after another on a single worker thread (they queue; each already keeps
 * Kafka busy with whole batches). Statuses are kept in Redis ({@link ImportStore}); while an
 * import is queued or running here its instance writes it every few seconds, so one whose
 * instance stopped (its uploaded files went with it) shows as FAILED once its status is
 * {@link #STALE} old.
 */
@Component
class ImportJobs implements DisposableBean {

    static final Duration STALE = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    /** What to import, checked by the controller. */
    record Request(Kind kind, ImportMapping mapping, String currency, String startedBy, List<Upload> uploads) {
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "csv-import"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "csv-import-status"));
    private final Map<String, ImportProgress> here = new ConcurrentHashMap<>();
    private final ImportSettings settings;
    private final ImportStore store;
    private final Ingestion ingestion;
    private final MasterData masterData;
    private final Clock clock;
    private Instant lastSubmitted = Instant.EPOCH;
    private volatile ImportProgress latest;

    ImportJobs(OrderServiceProperties properties, ImportStore store, Ingestion ingestion, MasterData masterData,
            Clock clock, MeterRegistry meters) {
        this.settings = ImportSettings.of(properties);
        this.store = store;
        this.ingestion = ingestion;
        this.masterData = masterData;
        this.clock = clock;
        registerGauges(meters);
        heartbeat.scheduleWithFixedDelay(() -> here.values().forEach(ImportProgress::save), HEARTBEAT.toMillis(),
                HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    ImportSettings settings() {
        return settings;
    }

    ImportStatus submit(Request request) {
        Job job = new Job(UUID.randomUUID().toString(), request.kind(),
                request.mapping() == null ? null : request.mapping().name(), request.currency(), request.startedBy(),
                request.uploads().stream().map(Upload::name).toList());
        ImportProgress progress = new ImportProgress(job, submissionTime(), settings.maxReportedRejections(), clock,
                store::save);
        here.put(job.id(), progress);
        progress.save();
        worker.execute(() -> {
            latest = progress;
            EventBatcher batcher = new EventBatcher(ingestion, progress, settings.batchSize());
            try {
                new ImportRunner(kind(request, progress, batcher), progress, batcher).run(request.uploads());
            } finally {
                here.remove(job.id());
            }
        });
        return progress.status();
    }

    Optional<ImportStatus> status(String id) {
        ImportProgress running = here.get(id);
        if (running != null) {
            return Optional.of(running.status());
        }
        return store.find(id).map(this::checked);
    }

    /** Up to {@code limit} imports submitted before {@code before}, newest first. */
    List<ImportStatus> before(Instant before, int limit) {
        List<ImportStatus> page = new ArrayList<>();
        for (ImportStatus status : store.before(before.toEpochMilli(), limit)) {
            ImportProgress running = here.get(status.importId());
            page.add(running != null ? running.status() : checked(status));
        }
        return page;
    }

    private FileImport kind(Request request, ImportProgress progress, EventBatcher batcher) {
        return switch (request.kind()) {
            case SALES -> new SalesImport(request.mapping(), request.currency(), settings, progress, batcher, clock);
            case CUSTOMERS -> new CustomerImport(settings, request.startedBy(), progress, batcher, masterData, clock);
            case SERVICE_TICKETS -> new TicketImport(settings, request.currency(), progress, batcher, clock);
        };
    }

    /** A status left QUEUED or RUNNING by an instance that no longer writes it. */
    private ImportStatus checked(ImportStatus status) {
        if (!status.state().active() || status.updatedAt().isAfter(clock.instant().minus(STALE))) {
            return status;
        }
        return status.interrupted("the order-service instance running this import stopped (its last progress at "
                + status.updatedAt() + "), and its uploaded files with it. Import the files again: events already"
                + " published are recognised as duplicates");
    }

    /** Submission times one millisecond apart at least, so that paging by time never splits a millisecond. */
    private synchronized Instant submissionTime() {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        lastSubmitted = now.isAfter(lastSubmitted) ? now : lastSubmitted.plusMillis(1);
        return lastSubmitted;
    }

    private void registerGauges(MeterRegistry meters) {
        Map<String, Function<ImportProgress, Number>> rows = new LinkedHashMap<>();
        rows.put("read", p -> p.read.get());
        rows.put("skipped", p -> p.skipped.get());
        rows.put("rejected", p -> p.rejected.get());
        rows.put("published", p -> p.published.get());
        rows.put("duplicate", p -> p.duplicate.get());
        rows.forEach((outcome, count) -> Gauge.builder("tierwatch.import.rows", this,
                        jobs -> jobs.latest == null ? 0 : count.apply(jobs.latest).doubleValue())
                .description("Rows of the current (or last) import of this instance, by outcome").tag("outcome", outcome)
                .register(meters));
        Gauge.builder("tierwatch.imports.active", here, Map::size)
                .description("Imports running or waiting to run on this instance").register(meters);
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        worker.shutdownNow();
    }
}
