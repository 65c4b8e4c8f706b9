/** The benchmark run behind bench/run: its phases (references, throughput, replay, latency), targets and profile. */
package io.tierwatch.bench;
