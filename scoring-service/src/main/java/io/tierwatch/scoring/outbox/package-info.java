/** Publishes each customer's tier-change outbox as CloudEvents and empties it once Kafka acknowledged. */
package io.tierwatch.scoring.outbox;
