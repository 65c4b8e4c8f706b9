/** Configuration properties of scoring-service and the Redis client. */
package io.tierwatch.scoring.config;
