package io.tierwatch.order.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.tierwatch.order.imports.ImportStatus.Rejection;
import io.tierwatch.order.imports.ImportStatus.State;

/** The live counters of one import: written by its worker thread, read by status requests and gauges. */
final class ImportProgress {

    final AtomicLong read = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong published = new AtomicLong();
    final AtomicLong duplicate = new AtomicLong();
    final AtomicLong orders = new AtomicLong();
    final AtomicLong returns = new AtomicLong();
    final AtomicLong duplicateEvents = new AtomicLong();

    private final String id;
    private final List<String> files;
    private final int maxListed;
    private final Clock clock;
    private final List<Rejection> rejections = new ArrayList<>();
    private final AtomicLong notListed = new AtomicLong();
    private volatile State state = State.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;

    ImportProgress(String id, List<String> files, int maxListed, Clock clock) {
        this.id = id;
        this.files = List.copyOf(files);
        this.maxListed = maxListed;
        this.clock = clock;
    }

    String id() {
        return id;
    }

    State state() {
        return state;
    }

    void start() {
        startedAt = clock.instant();
        state = State.RUNNING;
    }

    void finish(String failure) {
        finishedAt = clock.instant();
        error = failure;
        state = failure == null ? State.DONE : State.FAILED;
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
        return new ImportStatus(id, state, files, read.get(), skipped.get(), rejected.get(), published.get(),
                duplicate.get(), orders.get(), returns.get(), duplicateEvents.get(), listed,
                notListed.get(), startedAt, finishedAt, rate(), error);
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
