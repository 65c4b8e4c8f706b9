/** Bulk history import: a CSV of sales lines streamed from disk, one event per invoice, with progress. */
package io.tierwatch.order.imports;
