package io.tierwatch.order.imports;

/** Stops an import: the file cannot be read on, or Kafka stopped acknowledging. */
final class ImportAbortedException extends RuntimeException {

    ImportAbortedException(String message) {
        super(message);
    }
}
