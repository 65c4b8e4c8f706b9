package io.tierwatch.order.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.tierwatch.order.ingest.Ingestion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Runs one import: streams each file row by row from disk (memory holds the open invoices of
 * the grouping window and one batch of events, never the file), groups rows into invoices and
 * publishes them in batches, each batch acknowledged by Kafka before the next is read.
 */
final class ImportRunner {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    private final ImportSettings settings;
    private final ImportProgress progress;
    private final InvoicePublisher publisher;
    private final InvoiceGrouper grouper;
    private final Clock clock;

    ImportRunner(ImportSettings settings, Ingestion ingestion, ImportProgress progress, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.progress = progress;
        this.publisher = new InvoicePublisher(settings, ingestion, progress, clock);
        this.grouper = new InvoiceGrouper(settings.invoiceWindowRows(), publisher::add);
    }

    void run(List<Upload> uploads) {
        progress.start();
        try {
            for (Upload upload : uploads) {
                read(upload);
            }
            grouper.finish();
            publisher.finish();
            progress.finish(null);
        } catch (ImportAbortedException e) {
            progress.finish(e.getMessage());
        } catch (RuntimeException e) {
            // e.g. Redis unreachable: the import stops visibly instead of showing RUNNING forever
            progress.finish("the import stopped: " + e + "; import the files again, published invoices are recognised");
        } finally {
            publisher.close();
            uploads.forEach(ImportRunner::delete);
        }
    }

    private void read(Upload upload) {
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(upload.path().toFile())) {
            if (!rows.hasNextValue()) {
                return;
            }
            RetailRowParser parser = parser(upload, rows.nextValue());
            while (rows.hasNextValue()) {
                String[] cells = rows.nextValue();
                long line = rows.parser().currentTokenLocation().getLineNr();
                progress.read.incrementAndGet();
                accept(upload.name(), parser.parse(upload.name(), line, Arrays.asList(cells)));
            }
        } catch (JacksonException e) {
            throw new ImportAbortedException(upload.name() + " line " + e.getLocation().getLineNr()
                    + ": not readable as CSV (" + e.getOriginalMessage() + "); rows before it were imported");
        }
    }

    private RetailRowParser parser(Upload upload, String[] header) {
        try {
            // a row dated ahead of the clock is refused, as the API refuses such an event
            return new RetailRowParser(Arrays.stream(header).map(String::trim).toList(), settings.zone(),
                    clock.instant().plus(settings.maxFutureSkew()));
        } catch (IllegalArgumentException e) {
            throw new ImportAbortedException(upload.name() + ": " + e.getMessage());
        }
    }

    private void accept(String file, RowResult result) {
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

    private static void delete(Upload upload) {
        try {
            Files.deleteIfExists(upload.path());
        } catch (IOException e) {
            // a temp file left behind is not worth failing the import for
        }
    }
}
