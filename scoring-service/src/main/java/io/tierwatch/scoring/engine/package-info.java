/** Scores a batch of ledger commands: one Redis pipeline, then the outbox published, then metrics. */
package io.tierwatch.scoring.engine;
