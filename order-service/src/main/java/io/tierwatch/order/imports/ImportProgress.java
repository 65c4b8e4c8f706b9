package io.tierwatch.order.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.tierwatch.order.imports.ImportStatus.Kind;
import io.tierwatch.order.imports.ImportStatus.Rejection;
import io.tierwatch.order.imports.ImportStatus.State;

/**
 * The live counters of one import: written by its worker thread, read by status requests and
 * gauges, and handed to {@code save} at its start and end, and at most once a second between.
 */
final class ImportProgress {

    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);

    /** What an import is, fixed when it is submitted. */
    record Job(String id, Kind kind, String mapping, String currency, String startedBy, List<String> files) {
    }

    final AtomicLong read = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong published = new AtomicLong();
    final AtomicLong duplicate = new AtomicLong();
    final AtomicLong duplicateEvents = new AtomicLong();
    private final AtomicLong[] events = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};

    private final Job job;
    private final int maxListed;
    private final Clock clock;
    private final Consumer<ImportStatus> save;
    private final Instant submittedAt;
    private final List<Rejection> rejections = new ArrayList<>();
    private final AtomicLong notListed = new AtomicLong();
    private volatile State state = State.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile Instant savedAt = Instant.MIN;
    private volatile String error;

    ImportProgress(Job job, Instant submittedAt, int maxListed, Clock clock, Consumer<ImportStatus> save) {
        this.job = job;
        this.maxListed = maxListed;
        this.clock = clock;
        this.save = save;
        this.submittedAt = submittedAt;
    }

    String id() {
        return job.id();
    }

    State state() {
        return state;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    AtomicLong counter(EventBatcher.Counted counted) {
        return events[counted.ordinal()];
    }

    void start() {
        startedAt = clock.instant();
        state = State.RUNNING;
        save();
    }

    void finish(String failure) {
        finishedAt = clock.instant();
        error = failure;
        state = failure == null ? State.DONE : State.FAILED;
        save();
    }

    /** Saves the status if the last save is a second old: called after each batch. */
    void saved() {
        if (Duration.between(savedAt, clock.instant()).compareTo(SAVE_EVERY) >= 0) {
            save();
        }
    }

    /**
     * Synchronized: the worker and the heartbeat both save, and a status read before the end must
     * not be written after the end's.
     */
    synchronized void save() {
        savedAt = clock.instant();
        save.accept(status());
    }

    void reject(String file, long line, String reason, long rows) {
        rejected.addAndGet(rows);
        synchronized (rejections) {
            if (rejections.size() < maxListed) {
                rejections.add(new Rejection(file, line, reason));
            } else {
                notListed.incrementAndGet();
            }
        }
    }

    ImportStatus status() {
        List<Rejection> listed;
        synchronized (rejections) {
            listed = List.copyOf(rejections);
        }
        return new ImportStatus(job.id(), job.kind(), job.mapping(), job.currency(), job.startedBy(), state, job.files(),
                read.get(), skipped.get(), rejected.get(), published.get(), duplicate.get(),
                counter(EventBatcher.Counted.ORDER).get(), counter(EventBatcher.Counted.RETURN).get(),
                counter(EventBatcher.Counted.CUSTOMER).get(), counter(EventBatcher.Counted.TICKET).get(),
                duplicateEvents.get(), listed, notListed.get(), submittedAt, startedAt, finishedAt, clock.instant(),
                rate(), error);
    }

    private Double rate() {
        if (startedAt == null) {
            return null;
        }
        Instant end = finishedAt == null ? clock.instant() : finishedAt;
        long millis = Math.max(1, Duration.between(startedAt, end).toMillis());
        return Math.round(read.get() * 10_000.0 / millis) / 10.0;
    }
}
