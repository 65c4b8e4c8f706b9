package io.tierwatch.order.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Streams the rows of one file from disk as lists of cells, whatever its layout. A fixed-width
 * row is one cell, the whole line: its columns are character ranges ({@link Columns}).
 */
abstract sealed class RowReader implements AutoCloseable {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    /** @return the next row, or null at the end of the file */
    abstract List<String> next();

    /** The 1-based line the last row started on. */
    abstract long line();

    @Override
    public abstract void close();

    static RowReader open(Path file, ImportMapping.Layout layout, char delimiter, String name) {
        try {
            return switch (layout) {
                case DELIMITED -> new Delimited(file, delimiter, name);
                case WHITESPACE -> new Lines(file, true);
                case FIXED -> new Lines(file, false);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 with the given separator. */
    private static final class Delimited extends RowReader {
        private final MappingIterator<String[]> rows;
        private final String name;

        Delimited(Path file, char delimiter, String name) {
            this.name = name;
            this.rows = CSV.readerFor(String[].class).with(CsvSchema.emptySchema().withColumnSeparator(delimiter))
                    .readValues(file.toFile());
        }

        @Override
        List<String> next() {
            try {
                return rows.hasNextValue() ? Arrays.asList(rows.nextValue()) : null;
            } catch (JacksonException e) {
                throw new ImportAbortedException(name + " line " + e.getLocation().getLineNr()
                        + ": not readable as CSV (" + e.getOriginalMessage() + "); rows before it were imported");
            }
        }

        @Override
        long line() {
            return rows.parser().currentTokenLocation().getLineNr();
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    /** Line by line; blank lines are passed over; a trailing CR (CRLF files) is dropped. */
    private static final class Lines extends RowReader {
        private final BufferedReader reader;
        private final boolean split;
        private long line;

        Lines(Path file, boolean split) throws IOException {
            this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            this.split = split;
        }

        @Override
        List<String> next() {
            try {
                for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                    line++;
                    if (!text.isBlank()) {
                        return split ? Arrays.asList(text.strip().split("\\s+")) : List.of(text.stripTrailing());
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        long line() {
            return line;
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                // read to the end or abandoned: nothing to keep
            }
        }
    }
}
