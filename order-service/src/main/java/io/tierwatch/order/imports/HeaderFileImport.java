package io.tierwatch.order.imports;

import java.util.List;

/**
 * A kind of import whose files have one fixed layout: comma-separated, with a header naming the
 * columns ({@link HeaderColumns}), one event a row.
 */
abstract class HeaderFileImport implements FileImport {

    private final List<String> required;
    private final List<String> optional;
    /** The current file's columns, found in its header. */
    protected HeaderColumns columns;

    HeaderFileImport(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    @Override
    public ImportMapping.Layout layout() {
        return ImportMapping.Layout.DELIMITED;
    }

    @Override
    public char delimiter() {
        return ',';
    }

    @Override
    public boolean header() {
        return true;
    }

    @Override
    public void begin(String file, List<String> header) {
        columns = new HeaderColumns(header, required, optional);
    }

    @Override
    public void finish() {
        // one event a row: nothing is held open
    }
}
