package io.tierwatch.order.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.order.imports.EventBatcher.Counted;
import io.tierwatch.order.imports.EventBatcher.Pending;
import io.tierwatch.order.ingest.Fingerprint;
import io.tierwatch.order.ingest.Submission;
import io.tierwatch.order.publish.EventPublisher;

/**
 * Sales lines through a mapping: rows grouped by order number into one {@code OrderPlaced} or
 * {@code OrderLinesReturned} each ({@link InvoiceGrouper}), in the upload's stated currency.
 */
final class SalesImport implements FileImport {

    private final ImportMapping mapping;
    private final String currency;
    private final String topic;
    private final Instant latest;
    private final ImportProgress progress;
    private final EventBatcher batcher;
    private final InvoiceGrouper grouper;
    private final Clock clock;
    private SalesRowParser parser;

    SalesImport(ImportMapping mapping, String currency, ImportSettings settings, ImportProgress progress,
            EventBatcher batcher, Clock clock) {
        this.mapping = mapping;
        this.currency = currency;
        this.topic = settings.ordersTopic();
        this.latest = clock.instant().plus(settings.maxFutureSkew());
        this.progress = progress;
        this.batcher = batcher;
        this.clock = clock;
        this.grouper = new InvoiceGrouper(settings.invoiceWindowRows(), this::closed);
    }

    @Override
    public ImportMapping.Layout layout() {
        return mapping.layout();
    }

    @Override
    public char delimiter() {
        return mapping.delimiter();
    }

    @Override
    public boolean header() {
        return mapping.header();
    }

    @Override
    public void begin(String file, List<String> header) {
        parser = new SalesRowParser(mapping, header, latest);
    }

    @Override
    public void row(String file, long line, List<String> cells) {
        RowResult result = parser.parse(file, line, cells);
        if (result instanceof RowResult.Skipped) {
            progress.skipped.incrementAndGet();
        } else if (result instanceof RowResult.Rejected rejected) {
            progress.reject(file, rejected.line(), rejected.reason(), 1);
        } else if (result instanceof RowResult.Valid valid) {
            RowResult.Rejected late = grouper.add(valid.row());
            if (late != null) {
                progress.reject(file, late.line(), late.reason(), 1);
            }
        }
    }

    @Override
    public void finish() {
        grouper.finish();
    }

    private void closed(Invoice invoice) {
        SalesRow first = invoice.first();
        Object data;
        try {
            data = invoice.toEvent(currency);
        } catch (ArithmeticException | IllegalArgumentException e) {
            progress.reject(first.file(), first.line(), "order " + first.orderNo() + " cannot become an event: "
                    + e.getMessage(), invoice.rowCount());
            return;
        }
        EventEnvelope<?> event = EventEnvelope.of(invoice.eventId(), EventPublisher.SOURCE, clock.instant(),
                first.customerId(), data);
        batcher.add(new Pending(new Submission(topic, event, Fingerprint.of(data)), first.file(), first.line(),
                invoice.rowCount(), invoice.returned() ? Counted.RETURN : Counted.ORDER, () -> { }));
    }
}
