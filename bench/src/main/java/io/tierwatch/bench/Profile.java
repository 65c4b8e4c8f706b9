package io.tierwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import io.tierwatch.bench.report.Results;

/**
 * With {@code --jfr}: where scoring-service spent its CPU, from the flight recording's
 * execution samples: hottest methods (self) and the share of samples under each library.
 */
final class Profile {

    static final String SECTION = "Profile of scoring-service (JFR execution samples, whole run)";

    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("io.tierwatch.", "Tierwatch code");
        LIBRARIES.put("tools.jackson.", "Jackson (JSON)");
        LIBRARIES.put("org.apache.kafka.", "Kafka client");
        LIBRARIES.put("redis.clients.", "Jedis");
        LIBRARIES.put("org.springframework.kafka.", "Spring Kafka");
        LIBRARIES.put("io.micrometer.", "Micrometer");
    }

    private Profile() {
    }

    private static String top(Map<String, Integer> counts, int total) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100.0 * e.getValue() / total))
                .collect(Collectors.joining(", "));
    }

    static void summarise(Results results, Path recording) throws IOException {
        if (!Files.exists(recording)) {
            results.note("--jfr was given but no recording was written at " + recording + ".");
            return;
        }
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> under = new HashMap<>();
        Map<String, Integer> entry = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            samples++;
            var frames = event.getStackTrace().getFrames();
            RecordedFrame top = frames.get(0);
            self.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
            frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("io.tierwatch.")).findFirst()
                    .ifPresent(f -> entry.merge(f.getMethod().getType().getName().replace("io.tierwatch.", "") + "."
                            + f.getMethod().getName(), 1, Integer::sum));
            LIBRARIES.forEach((prefix, label) -> {
                if (frames.stream().anyMatch(f -> f.getMethod().getType().getName().startsWith(prefix))) {
                    under.merge(label, 1, Integer::sum);
                }
            });
        }
        int total = Math.max(1, samples);
        results.add(SECTION, "execution samples", String.valueOf(samples));
        under.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(e ->
                results.add(SECTION, "samples with " + e.getKey() + " on the stack",
                        String.format(Locale.ROOT, "%.0f%%", 100.0 * e.getValue() / total)));
        results.add(SECTION, "Tierwatch methods the samples were under (innermost)", top(entry, total));
        results.add(SECTION, "hottest methods (self time)", top(self, total));
        results.note("Profile: scoring-service ran with `-XX:StartFlightRecording=settings=profile`; recording at " + recording + ".");
    }
}
