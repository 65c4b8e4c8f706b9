/** The scoring script as the references call it: its KEYS/ARGV contract, the naive baseline and the redis-benchmark ceiling. */
package io.tierwatch.bench.script;
