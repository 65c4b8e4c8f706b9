/** Delivering alerts over webhook and email: due queue, retries with backoff, dead letters, delivery log. */
package io.tierwatch.notification.delivery;
