package io.tierwatch.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CpuTimeTest {

    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("tierwatch-scori", "consumers");
        GROUPS.put("kafka-producer-", "producer");
    }

    @Test
    void groupsThreadsByTheirNamesAsLinuxKeepsThem() {
        assertThat(CpuTime.groupOf("C2 CompilerThre", GROUPS)).isEqualTo(CpuTime.JIT);
        assertThat(CpuTime.groupOf("C1 CompilerThre", GROUPS)).isEqualTo(CpuTime.JIT);
        assertThat(CpuTime.groupOf("GC Thread#1", GROUPS)).isEqualTo(CpuTime.GC);
        assertThat(CpuTime.groupOf("G1 Conc#0", GROUPS)).isEqualTo(CpuTime.GC);
        assertThat(CpuTime.groupOf("tierwatch-scori", GROUPS)).isEqualTo("consumers");
        assertThat(CpuTime.groupOf("kafka-producer-", GROUPS)).isEqualTo("producer");
        assertThat(CpuTime.groupOf("VM Thread", GROUPS)).isEqualTo(CpuTime.OTHER);
    }

    @Test
    void theThreadsOfThisJvmAddUpToNoMoreThanItsProcess() {
        long pid = ProcessHandle.current().pid();
        Map<String, Double> threads = CpuTime.ofThreads(pid, GROUPS);
        double process = CpuTime.ofProcess(pid);

        assertThat(threads).containsKeys("consumers", "producer", CpuTime.JIT, CpuTime.GC, CpuTime.OTHER);
        double sum = threads.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isPositive();
        // threads that ended are in the process's total and no longer in its task list
        assertThat(sum).isLessThanOrEqualTo(process + 0.02);
    }

    @Test
    void aProcessThatIsGoneHasNoThreads() {
        assertThat(CpuTime.ofThreads(Long.MAX_VALUE, GROUPS)).isEmpty();
    }
}
