package io.tierwatch.order.imports;

/** What a sales row became: a valid row, or skipped / rejected with the reason. */
sealed interface RowResult {

    record Valid(SalesRow row) implements RowResult {
    }

    /** A row that cannot be scored (no customer), counted but not an error. */
    record Skipped(long line, String reason) implements RowResult {
    }

    record Rejected(long line, String reason) implements RowResult {
    }
}
