/** Kafka plumbing: the listeners' error handler and dead-letter topics. */
package io.tierwatch.notification.kafka;
