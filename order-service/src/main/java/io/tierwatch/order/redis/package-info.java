/** The Redis connection; order-service keeps only ingestion bookkeeping there, under {@code tw:order:}. */
package io.tierwatch.order.redis;
