package io.tierwatch.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierwatch.bench.load.SyntheticStream;
import io.tierwatch.bench.report.Format;
import io.tierwatch.bench.script.Ledger;

/**
 * MEMORY USAGE of the keys of a few customers along the size curve (rank 0 is the largest) and
 * of the service's global indexes, shared out per customer, next to the used_memory figure.
 */
final class MemorySamples {

    private MemorySamples() {
    }

    static void record(Run run, SyntheticStream stream, int customers) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        ranks.put("largest customer (rank 0)", 0);
        ranks.put("rank 100", 100);
        ranks.put("rank 10,000", 10_000);
        ranks.put("a tail customer (rank n/2)", run.settings().customers() / 2);
        ranks.forEach((label, rank) -> {
            if (rank < run.settings().customers()) {
                String id = stream.customerId(rank);
                StringBuilder parts = new StringBuilder();
                long total = 0;
                for (String key : Ledger.keys(id)) {
                    long bytes = run.redis().memoryUsage(key);
                    total += bytes;
                    if (bytes > 0) {
                        parts.append(key.substring(key.lastIndexOf(':') + 1)).append('=').append(bytes).append(' ');
                    }
                }
                run.results().add(Throughput.SECTION, "MEMORY USAGE of " + label + "'s keys",
                        Format.bytes(total) + " (" + parts.toString().trim() + ")");
            }
        });
        List<String> indexes = run.redis().keys(Ledger.indexPattern());
        long indexBytes = indexes.stream().mapToLong(run.redis()::memoryUsage).sum();
        run.results().add(Throughput.SECTION, "global indexes (" + indexes.size() + " keys) per customer",
                Format.bytes((double) indexBytes / customers));
    }
}
