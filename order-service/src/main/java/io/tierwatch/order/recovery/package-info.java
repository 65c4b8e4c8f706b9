/** Order-service's own Redis loss: detected by a marker, its records recovered from Kafka's history. */
package io.tierwatch.order.recovery;
