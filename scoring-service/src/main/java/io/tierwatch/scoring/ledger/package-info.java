/** The Redis side of scoring: the atomic apply script, its keys, pipelined batches and the global indexes. */
package io.tierwatch.scoring.ledger;
