/** Kafka in: decodes the input topics' CloudEvents, applies each poll atomically, dead-letters invalid records. */
package io.tierwatch.scoring.ingest;
