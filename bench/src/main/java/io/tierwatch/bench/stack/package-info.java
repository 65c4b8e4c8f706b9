/** The services under test, started from their exec jars as separate processes. */
package io.tierwatch.bench.stack;
