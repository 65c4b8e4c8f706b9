package io.tierwatch.bench.measure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU seconds a process has used (user + system), and the machine's busy time, from /proc. */
public final class CpuTime {

    /** USER_HZ: the unit of /proc times; 100 on every mainstream Linux build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** CPU seconds of a process so far, -1 if it is gone. */
    public static double ofProcess(long pid) {
        try {
            return seconds(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** User + system CPU seconds of a process's or a thread's {@code stat} line. */
    private static double seconds(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ": state is f[0], so utime (field 14) is f[11], stime f[12]
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    /** One thread's group (see {@link #groupOf}) and CPU seconds so far. */
    public record ThreadCpu(String group, double seconds) {
    }

    /**
     * CPU seconds so far of each thread of a JVM (by thread id, from {@code /proc/<pid>/task}),
     * with the group its name puts it in: the JIT compilers, the garbage collector, the groups
     * {@code groups} names (name prefix → group), or "other". Empty if the process is gone.
     */
    public static Map<Long, ThreadCpu> ofThreads(long pid, Map<String, String> groups) {
        Map<Long, ThreadCpu> out = new LinkedHashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    out.put(Long.parseLong(task.getFileName().toString()), new ThreadCpu(groupOf(name, groups), seconds(stat)));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    /**
     * CPU seconds each group used between two readings, counted over the threads alive at the
     * second (a thread started since counts in full). A thread that ended in between is left out:
     * what it used after the first reading is in the process's total only ({@link #ofProcess}).
     * Every group of {@code groups}, the JIT, the GC and "other" are in the answer, 0 if unused.
     */
    public static Map<String, Double> used(Map<Long, ThreadCpu> before, Map<Long, ThreadCpu> after,
            Map<String, String> groups) {
        Map<String, Double> out = new LinkedHashMap<>();
        groups.values().forEach(g -> out.put(g, 0.0));
        out.put(JIT, 0.0);
        out.put(GC, 0.0);
        out.put(OTHER, 0.0);
        after.forEach((tid, now) -> {
            ThreadCpu then = before.get(tid);
            out.merge(now.group(), now.seconds() - (then == null ? 0 : then.seconds()), Double::sum);
        });
        return out;
    }

    public static final String JIT = "JIT compiler";
    public static final String GC = "GC";
    public static final String OTHER = "other";

    /** A thread's group by its name as Linux holds it (the first 15 characters of the Java name). */
    static String groupOf(String threadName, Map<String, String> groups) {
        if (threadName.contains("CompilerThre")) {
            return JIT;
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
            return GC;
        }
        for (Map.Entry<String, String> g : groups.entrySet()) {
            if (threadName.startsWith(g.getKey())) {
                return g.getValue();
            }
        }
        return OTHER;
    }

    /** Busy (non-idle, non-iowait) CPU seconds of the whole machine, summed over cores. */
    public static double machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
