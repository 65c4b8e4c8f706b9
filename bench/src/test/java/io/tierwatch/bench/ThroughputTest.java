package io.tierwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ThroughputTest {

    @Test
    void whatThreadsThatEndedUsedIsTheProcessTotalLessTheGroups() {
        Map<String, Double> used = new LinkedHashMap<>();
        used.put("consumers", 6.0);
        used.put("JIT compiler", 2.0);
        // the process used 11 s in 10 s: 3 s went to threads no longer there at the end
        assertThat(Throughput.byThread(used, 11.0, 10.0))
                .isEqualTo("consumers 0.60 / JIT compiler 0.20 / threads that ended during the drain 0.30");
    }

    @Test
    void nothingReadIsSaidSo() {
        assertThat(Throughput.byThread(Map.of(), 1.0, 10.0)).isEqualTo("not read");
    }
}
