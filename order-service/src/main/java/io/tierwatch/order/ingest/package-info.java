/** Idempotent ingestion: an event id is published once; the same id with other content is a conflict. */
package io.tierwatch.order.ingest;
