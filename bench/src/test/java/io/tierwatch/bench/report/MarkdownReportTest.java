package io.tierwatch.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

    @Test
    void replacesOnlyTheGeneratedSectionAndKeepsTheProseAroundIt(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Benchmarks\nprose\n" + MarkdownReport.BEGIN + "\nold run\n" + MarkdownReport.END + "\ntail\n");
        Results results = new Results();
        results.target("Targets", "sustained scoring", "60,000 events/s", "≥ 50,000 events/s", true);
        results.finding("the broker used most cores");

        MarkdownReport.write(doc, results, "## Run of today");

        String text = Files.readString(doc);
        assertThat(text).startsWith("# Benchmarks\nprose\n").endsWith("\ntail\n").doesNotContain("old run")
                .contains("| sustained scoring | 60,000 events/s | ≥ 50,000 events/s | met |")
                .contains("- the broker used most cores");
    }
}
