package io.tierwatch.order.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Runs one import: streams each file row by row from disk (memory holds what the kind keeps
 * open, such as the orders of the grouping window, and one batch of events, never the file),
 * hands the rows to the kind and publishes its events in batches, each batch acknowledged by
 * Kafka before the next is sent.
 */
final class ImportRunner {

    private final FileImport kind;
    private final ImportProgress progress;
    private final EventBatcher batcher;

    ImportRunner(FileImport kind, ImportProgress progress, EventBatcher batcher) {
        this.kind = kind;
        this.progress = progress;
        this.batcher = batcher;
    }

    void run(List<Upload> uploads) {
        progress.start();
        try {
            for (Upload upload : uploads) {
                read(upload);
            }
            kind.finish();
            batcher.finish();
            progress.finish(null);
        } catch (ImportAbortedException e) {
            progress.finish(e.getMessage());
        } catch (RuntimeException e) {
            // e.g. Redis unreachable: the import stops visibly instead of showing RUNNING forever
            progress.finish("the import stopped: " + e + "; import the files again, published events are recognised");
        } finally {
            batcher.close();
            uploads.forEach(ImportRunner::delete);
        }
    }

    private void read(Upload upload) {
        try (RowReader rows = RowReader.open(upload.path(), kind.layout(), kind.delimiter(), upload.name())) {
            List<String> header = null;
            if (kind.header()) {
                header = rows.next();
                if (header == null) {
                    return;
                }
                // a spreadsheet export may begin with a byte-order mark
                header = header.stream().map(c -> c == null ? "" : c.replace("\uFEFF", "").trim()).toList();
            }
            try {
                kind.begin(upload.name(), header);
            } catch (IllegalArgumentException e) {
                throw new ImportAbortedException(upload.name() + ": " + e.getMessage());
            }
            for (List<String> cells = rows.next(); cells != null; cells = rows.next()) {
                progress.read.incrementAndGet();
                kind.row(upload.name(), rows.line(), cells);
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
