/** Publishing CloudEvents to Kafka and waiting for the broker's acknowledgement. */
package io.tierwatch.order.publish;
