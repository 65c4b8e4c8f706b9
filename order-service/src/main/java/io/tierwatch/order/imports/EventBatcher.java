package io.tierwatch.order.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.tierwatch.order.ingest.BatchOutcome;
import io.tierwatch.order.ingest.Ingestion;
import io.tierwatch.order.ingest.Submission;

/**
 * Publishes an import's events a batch at a time through the same idempotent ingestion as the
 * REST API: an event imported twice is published once, and counted as a duplicate the second
 * time. While one batch waits for Kafka's acks the next is read and built; it is sent only after
 * the previous one was acknowledged, so one customer's events keep their order across batches.
 */
final class EventBatcher implements AutoCloseable {

    /** What an event counts as in the import's status. */
    enum Counted {
        ORDER, RETURN, CUSTOMER, TICKET
    }

    /**
     * One event of the import and the rows it carries.
     *
     * @param published what to do once Kafka acknowledged it (runs on the reading thread)
     */
    record Pending(Submission submission, String file, long line, int rows, Counted counted, Runnable published) {
    }

    private final Ingestion ingestion;
    private final ImportProgress progress;
    private final int batchSize;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "csv-import-send"));
    private List<Pending> batch = new ArrayList<>();
    private CompletableFuture<Runnable> inFlight = CompletableFuture.completedFuture(() -> { });

    EventBatcher(Ingestion ingestion, ImportProgress progress, int batchSize) {
        this.ingestion = ingestion;
        this.progress = progress;
        this.batchSize = batchSize;
    }

    void add(Pending pending) {
        batch.add(pending);
        if (batch.size() >= batchSize) {
            send();
        }
    }

    /** Publishes what is pending and waits for it; aborts the import if Kafka did not take all of it. */
    void finish() {
        send();
        settle();
    }

    /** Hands the batch to the sender once the previous one is settled. */
    private void send() {
        settle();
        if (batch.isEmpty()) {
            return;
        }
        List<Pending> sent = batch;
        batch = new ArrayList<>();
        inFlight = CompletableFuture.supplyAsync(() -> {
            List<BatchOutcome> outcomes = ingestion.submitAll(sent.stream().map(Pending::submission).toList());
            return () -> account(sent, outcomes);
        }, sender);
    }

    /** Waits for the batch in flight and counts its outcomes, on the reading thread. */
    private void settle() {
        try {
            inFlight.join().run();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void account(List<Pending> sent, List<BatchOutcome> outcomes) {
        String failure = null;
        for (int i = 0; i < outcomes.size(); i++) {
            Pending pending = sent.get(i);
            BatchOutcome outcome = outcomes.get(i);
            switch (outcome.status()) {
                case PUBLISHED -> {
                    progress.published.addAndGet(pending.rows());
                    progress.counter(pending.counted()).incrementAndGet();
                    pending.published().run();
                }
                case DUPLICATE -> {
                    progress.duplicate.addAndGet(pending.rows());
                    progress.duplicateEvents.incrementAndGet();
                }
                case CONFLICT, IN_PROGRESS -> reject(pending, outcome.reason());
                case FAILED -> {
                    reject(pending, outcome.reason());
                    failure = outcome.reason();
                }
            }
        }
        progress.saved();
        if (failure != null) {
            throw new ImportAbortedException(failure + "; the import stopped. Import the files again once Kafka is back:"
                    + " events already published are recognised as duplicates");
        }
    }

    void reject(Pending pending, String reason) {
        progress.reject(pending.file(), pending.line(), reason, pending.rows());
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
