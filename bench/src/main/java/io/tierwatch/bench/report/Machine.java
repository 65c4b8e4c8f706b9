package io.tierwatch.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.utils.AppInfoParser;

/** The machine a run happened on, as the report states it. */
public final class Machine {

    private Machine() {
    }

    public static void describe(Results results, String redisVersion) {
        results.machine("cores (nproc)", String.valueOf(Runtime.getRuntime().availableProcessors()));
        results.machine("CPU", firstValue("/proc/cpuinfo", "model name"));
        results.machine("memory", firstValue("/proc/meminfo", "MemTotal"));
        results.machine("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        results.machine("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        results.machine("Kafka (broker and clients)", AppInfoParser.getVersion());
        results.machine("Redis", redisVersion);
        results.machine("load average at the start (1 / 5 / 15 min)", loadAverage());
    }

    /** Other work on the machine makes every figure of the run noisier; the report says how much there was. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String firstValue(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
