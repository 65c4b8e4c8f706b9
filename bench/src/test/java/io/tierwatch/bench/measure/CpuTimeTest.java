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
        Map<Long, CpuTime.ThreadCpu> threads = CpuTime.ofThreads(pid, GROUPS);
        double process = CpuTime.ofProcess(pid);

        assertThat(threads).containsKey(ProcessHandle.current().pid()); // the main thread's id is the pid
        double sum = threads.values().stream().mapToDouble(CpuTime.ThreadCpu::seconds).sum();
        assertThat(sum).isPositive();
        // threads that ended are in the process's total and no longer in its task list
        assertThat(sum).isLessThanOrEqualTo(process + 0.02);
    }

    @Test
    void usedCountsTheThreadsAliveAtTheEndNewOnesInFull() {
        Map<Long, CpuTime.ThreadCpu> before = Map.of(
                1L, new CpuTime.ThreadCpu("consumers", 10.0),
                2L, new CpuTime.ThreadCpu(CpuTime.JIT, 5.0),
                3L, new CpuTime.ThreadCpu(CpuTime.JIT, 3.0)); // ends before the second reading
        Map<Long, CpuTime.ThreadCpu> after = Map.of(
                1L, new CpuTime.ThreadCpu("consumers", 16.0),
                2L, new CpuTime.ThreadCpu(CpuTime.JIT, 6.5),
                4L, new CpuTime.ThreadCpu(CpuTime.GC, 0.5)); // started in between

        Map<String, Double> used = CpuTime.used(before, after, GROUPS);

        assertThat(used).containsEntry("consumers", 6.0).containsEntry("producer", 0.0)
                .containsEntry(CpuTime.JIT, 1.5).containsEntry(CpuTime.GC, 0.5).containsEntry(CpuTime.OTHER, 0.0);
    }

    @Test
    void aProcessThatIsGoneHasNoThreads() {
        assertThat(CpuTime.ofThreads(Long.MAX_VALUE, GROUPS)).isEmpty();
    }
}
