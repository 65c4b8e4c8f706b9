package io.tierwatch.order.imports;

import java.util.List;

/**
 * What one kind of import does with the rows of its files: sales lines, customer master data or
 * service tickets. {@link ImportRunner} streams the files and counts the rows read; the kind
 * turns rows into events for the {@link EventBatcher}, or counts them skipped or rejected.
 */
interface FileImport {

    ImportMapping.Layout layout();

    char delimiter();

    boolean header();

    /**
     * @param header the file's header row, or null without one
     * @throws IllegalArgumentException when the file cannot be read this way (a missing column)
     */
    void begin(String file, List<String> header);

    void row(String file, long line, List<String> cells);

    /** After the last file: hands on what is still open. */
    void finish();
}
