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

    static final String SECTION = "Profile of scoring-service while it drained the backlog (JFR execution samples)";

    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("io.tierwatch.", "Tierwatch code");
        LIBRARIES.put("tools.jackson.", "Jackson (JSON)");
        LIBRARIES.put("org.apache.kafka.", "Kafka client");
        LIBRARIES.put("redis.clients.", "Jedis");
        LIBRARIES.put("org.springframework.kafka.", "Spring Kafka");
        LIBRARIES.put("io.micrometer.", "Micrometer");
        LIBRARIES.put("org.springframework.", "Spring");
    }

    private Profile() {
    }

    /** Lambdas carry generated names; keep the declaring class. */
    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName().replaceAll("\\$\\$Lambda.*", "\\$lambda") + "."
                + frame.getMethod().getName();
    }

    /** Who a sample's work belongs to: the first frame from the top that is not the JDK. */
    private static String library(java.util.List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun.")) {
                continue;
            }
            return LIBRARIES.entrySet().stream().filter(e -> type.startsWith(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : type);
        }
        return "JDK only";
    }

    private static String top(Map<String, Integer> counts, int total) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100.0 * e.getValue() / total))
                .collect(Collectors.joining(", "));
    }

    /** Samples between {@code from} and {@code to} only (the drain), so start-up does not count. */
    static void summarise(Results results, Path recording, java.time.Instant from, java.time.Instant to)
            throws IOException {
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
                    || event.getStackTrace().getFrames().isEmpty() || event.getStartTime().isBefore(from)
                    || event.getStartTime().isAfter(to)) {
                continue;
            }
            samples++;
            var frames = event.getStackTrace().getFrames();
            RecordedFrame top = frames.get(0);
            self.merge(name(top), 1, Integer::sum);
            frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("io.tierwatch.")).findFirst()
                    .ifPresent(f -> entry.merge(name(f).replace("io.tierwatch.", ""), 1, Integer::sum));
            under.merge(library(frames), 1, Integer::sum);
        }
        int total = Math.max(1, samples);
        results.add(SECTION, "execution samples during the drain", String.valueOf(samples));
        results.add(SECTION, "samples by library (innermost non-JDK frame; JDK calls count for their caller)",
                top(under, total));
        results.add(SECTION, "Tierwatch methods the samples were under (innermost)", top(entry, total));
        results.add(SECTION, "hottest methods (self time)", top(self, total));
        results.note("Profile: scoring-service ran with `-XX:StartFlightRecording=settings=profile`; recording at " + recording + ".");
    }
}
