/** notification-service's own Redis loss: detected by a marker, its seen markers and customers recovered from Kafka. */
package io.tierwatch.notification.recovery;
