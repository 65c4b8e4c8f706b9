package io.tierwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The alert rules as Prometheus reads them: {@code promtool check rules} and the rules' unit tests,
 * {@code promtool test rules} (ops/prometheus/alerts-test.yml). {@code .ci/run} installs promtool
 * (Debian's {@code prometheus} package); without it this is skipped with a message.
 */
class AlertRulesTest {

    private static final Path DIR = Path.of("..", "ops", "prometheus");

    @Test
    void theAlertRulesAreValidAndTheirUnitTestsPass() throws Exception {
        String promtool = promtool();
        assumeTrue(promtool != null, "Skipped: promtool is not on the PATH (apt-get install -y prometheus)");

        assertThat(run(promtool, "check", "rules", "alerts.yml")).contains("SUCCESS");
        assertThat(run(promtool, "test", "rules", "alerts-test.yml")).contains("SUCCESS");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static String promtool() {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(p -> Path.of(p, "promtool"))
                .filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
    }
}
