/** Real Kafka and Redis for tests: in-process KRaft and a private redis-server here, Testcontainers where Docker exists. */
package io.tierwatch.testsupport;
