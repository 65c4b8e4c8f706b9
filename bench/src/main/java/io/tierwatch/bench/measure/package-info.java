/** What the bench measures: consumer progress, latency histograms, webhook arrivals, process memory. */
package io.tierwatch.bench.measure;
