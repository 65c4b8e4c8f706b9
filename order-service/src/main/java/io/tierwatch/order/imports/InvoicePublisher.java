package io.tierwatch.order.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.order.ingest.BatchOutcome;
import io.tierwatch.order.ingest.Fingerprint;
import io.tierwatch.order.ingest.Ingestion;
import io.tierwatch.order.ingest.Submission;
import io.tierwatch.order.publish.EventPublisher;

/**
 * Turns closed invoices into events and publishes them a batch at a time through the same
 * idempotent ingestion as the REST API: an invoice imported twice is published once, and
 * counted as a duplicate the second time. While one batch waits for Kafka's acks the next is
 * read and built; it is sent only after the previous one was acknowledged, so one customer's
 * events keep their order across batches.
 */
final class InvoicePublisher implements AutoCloseable {

    private final ImportSettings settings;
    private final Ingestion ingestion;
    private final ImportProgress progress;
    private final Clock clock;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "csv-import-send"));
    private List<Invoice> invoices = new ArrayList<>();
    private List<Submission> batch = new ArrayList<>();
    private CompletableFuture<Runnable> inFlight = CompletableFuture.completedFuture(() -> { });

    InvoicePublisher(ImportSettings settings, Ingestion ingestion, ImportProgress progress, Clock clock) {
        this.settings = settings;
        this.ingestion = ingestion;
        this.progress = progress;
        this.clock = clock;
    }

    void add(Invoice invoice) {
        Object data;
        try {
            data = invoice.toEvent(settings.currency(), settings.costRatio());
        } catch (ArithmeticException | IllegalArgumentException e) {
            reject(invoice, "invoice " + invoice.first().invoiceNo() + " cannot become an event: " + e.getMessage());
            return;
        }
        EventEnvelope<?> event = EventEnvelope.of(invoice.eventId(), EventPublisher.SOURCE, clock.instant(),
                invoice.first().customerId(), data);
        invoices.add(invoice);
        batch.add(new Submission(settings.topic(), event, Fingerprint.of(data)));
        if (batch.size() >= settings.batchSize()) {
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
        List<Invoice> sentInvoices = invoices;
        List<Submission> sent = batch;
        invoices = new ArrayList<>();
        batch = new ArrayList<>();
        inFlight = CompletableFuture.supplyAsync(() -> {
            List<BatchOutcome> outcomes = ingestion.submitAll(sent);
            return () -> account(sentInvoices, outcomes);
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

    private void account(List<Invoice> sentInvoices, List<BatchOutcome> outcomes) {
        String failure = null;
        for (int i = 0; i < outcomes.size(); i++) {
            Invoice invoice = sentInvoices.get(i);
            BatchOutcome outcome = outcomes.get(i);
            switch (outcome.status()) {
                case PUBLISHED -> {
                    progress.published.addAndGet(invoice.rowCount());
                    (invoice.first().cancellation() ? progress.returns : progress.orders).incrementAndGet();
                }
                case DUPLICATE -> {
                    progress.duplicate.addAndGet(invoice.rowCount());
                    progress.duplicateEvents.incrementAndGet();
                }
                case CONFLICT, IN_PROGRESS -> reject(invoice, outcome.reason());
                case FAILED -> {
                    reject(invoice, outcome.reason());
                    failure = outcome.reason();
                }
            }
        }
        if (failure != null) {
            throw new ImportAbortedException(failure + "; the import stopped. Import the files again once Kafka is back:"
                    + " invoices already published are recognised as duplicates");
        }
    }

    private void reject(Invoice invoice, String reason) {
        progress.reject(invoice.first().file(), invoice.first().line(), reason, invoice.rowCount());
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
