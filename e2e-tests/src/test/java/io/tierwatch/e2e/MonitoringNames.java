package io.tierwatch.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names the Grafana dashboard and the Prometheus alert rules query (ops/). */
final class MonitoringNames {

    static final Path DASHBOARD = Path.of("..", "ops", "grafana", "dashboards", "tierwatch.json");
    static final Path RULES = Path.of("..", "ops", "prometheus", "alerts.yml");

    /** A metric of the services: Tierwatch's own, the Kafka clients', Spring's HTTP server timer. */
    private static final Pattern METRIC = Pattern.compile("\\b(tierwatch_[a-z0-9_]+|kafka_[a-z0-9_]+|http_server_[a-z0-9_]+)\\b");

    private MonitoringNames() {
    }

    static Set<String> used() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : new Path[] {DASHBOARD, RULES}) {
            Matcher m = METRIC.matcher(Files.readString(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The metric names in a Prometheus text scrape. */
    static Set<String> scraped(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }
}
