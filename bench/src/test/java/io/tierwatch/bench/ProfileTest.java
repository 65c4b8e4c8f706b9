package io.tierwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jdk.jfr.Recording;

import io.tierwatch.bench.report.Results;

class ProfileTest {

    @Test
    void summarisesTheExecutionSamplesOfARecording(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            long sum = 0;
            for (long deadline = System.nanoTime() + 300_000_000L; System.nanoTime() < deadline; ) {
                sum += Long.toString(sum).hashCode();
            }
            recording.stop();
            recording.dump(file);
            assertThat(sum).isNotZero();
        }
        Results results = new Results();

        Profile.summarise(results, file, java.time.Instant.EPOCH, java.time.Instant.now());

        assertThat(results.rows()).extracting(Results.Row::metric)
                .contains("execution samples during the drain", "hottest methods (self time)");
    }

    @Test
    void saysSoWhenThereIsNoRecording(@TempDir Path dir) throws Exception {
        Results results = new Results();

        Profile.summarise(results, dir.resolve("missing.jfr"), java.time.Instant.EPOCH, java.time.Instant.now());

        assertThat(results.notes()).singleElement().asString().contains("no recording");
    }
}
