/** The run's figures: the console table and the generated section of docs/benchmarks.md. */
package io.tierwatch.bench.report;
