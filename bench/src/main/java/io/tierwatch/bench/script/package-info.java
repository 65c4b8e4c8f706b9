/** The references on scoring-service's own ledger API: the naive baseline, the pipelined reference and the redis-benchmark ceiling of the commit script. */
package io.tierwatch.bench.script;
