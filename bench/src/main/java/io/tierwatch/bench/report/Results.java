package io.tierwatch.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of a run, in the order measured: section, name, formatted value, and for the
 * issue's targets the target and whether it was met. Notes explain how a figure was obtained.
 */
public final class Results {

    public record Row(String section, String metric, String value, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String> machine = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();

    public void machine(String name, String value) {
        machine.put(name, value);
    }

    public void add(String section, String metric, String value) {
        rows.add(new Row(section, metric, value, "", ""));
        System.out.printf("  %-58s %s%n", metric, value);
    }

    /** A figure with a target; {@code met} decides the verdict. */
    public void target(String section, String metric, String value, String target, boolean met) {
        rows.add(new Row(section, metric, value, target, met ? "met" : "MISSED"));
        System.out.printf("  %-58s %s   (target %s: %s)%n", metric, value, target, met ? "met" : "MISSED");
    }

    public void note(String note) {
        notes.add(note);
    }

    /** What limits a figure, from the measurements of this run. */
    public void finding(String finding) {
        findings.add(finding);
    }

    public List<Row> rows() {
        return rows;
    }

    public Map<String, String> machine() {
        return machine;
    }

    public List<String> notes() {
        return notes;
    }

    public List<String> findings() {
        return findings;
    }

    /** All figures once more, as one table grouped by section, for the end of the console output. */
    public void printTable() {
        String section = null;
        for (Row row : rows) {
            if (!row.section().equals(section)) {
                section = row.section();
                System.out.printf("%n%s%n%s%n", section, "-".repeat(Math.min(100, section.length())));
            }
            String target = row.target().isEmpty() ? "" : "   [target " + row.target() + ": " + row.verdict() + "]";
            System.out.printf("  %-62s %s%s%n", row.metric(), row.value(), target);
        }
        findings.forEach(f -> System.out.printf("%n* %s", f));
        System.out.println();
    }

    public boolean anyMissed() {
        return rows.stream().anyMatch(r -> r.verdict().equals("MISSED"));
    }
}
