/** Load for the benchmark: the seeded synthetic stream and the real datasets replayed in time order. */
package io.tierwatch.bench.load;
