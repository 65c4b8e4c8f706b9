package io.tierwatch.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU seconds a process has used (user + system), and the machine's busy time, from /proc. */
public final class CpuTime {

    /** USER_HZ: the unit of /proc times; 100 on every mainstream Linux build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** CPU seconds of a process so far, -1 if it is gone. */
    public static double ofProcess(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is f[0], so utime (field 14) is f[11], stime f[12]
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
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
