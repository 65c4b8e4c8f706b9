/**
 * The sweep that ages the windows of customers without new events, so a dormant customer's tier
 * follows: in the stream, by each input partition's own event days (PartitionSweeps).
 */
package io.tierwatch.scoring.sweep;
