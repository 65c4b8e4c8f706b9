package io.tierwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.tierwatch.contracts.CloudEventsKafka;
import tools.jackson.databind.JsonNode;

/**
 * docker-compose.yml cannot run here (no Docker), so it is checked as a file: the images it builds
 * exist in the Dockerfile, what it depends on exists, Kafka writes to its volume, and every
 * environment variable it gives a Tierwatch container names a property that container binds
 * (from the Spring configuration metadata of the services and the libraries they use). A
 * misspelt variable is otherwise ignored without a word.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> TIERWATCH = List.of("order-service", "scoring-service", "notification-service",
            "auth-server", "portal");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            return (Map<String, Object>) compose.get("services");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEnvironmentVariableOfATierwatchContainerNamesAPropertyItBinds() throws IOException {
        Map<String, String> known = knownProperties();
        List<String> unknown = new ArrayList<>();
        for (String name : TIERWATCH) {
            Map<String, Object> service = (Map<String, Object>) services().get(name);
            assertThat(service).as(name + " in docker-compose.yml").isNotNull();
            Map<String, Object> environment = (Map<String, Object>) service.getOrDefault("environment", Map.of());
            assertThat(environment).as(name + " environment").isNotEmpty();
            environment.keySet().stream().filter(variable -> !binds(variable, known))
                    .forEach(variable -> unknown.add(name + ": " + variable));
        }
        assertThat(unknown).as("environment variables that no property of the container matches").isEmpty();
    }

    @Test
    void theCheckRefusesAMisspeltOrUnknownVariable() throws IOException {
        Map<String, String> known = knownProperties();

        assertThat(binds("TIERWATCH_REDIS_URL", known)).isTrue();
        assertThat(binds("SPRING_KAFKA_BOOTSTRAP_SERVERS", known)).isTrue();
        assertThat(binds("TIERWATCH_REPS_0_WEBHOOKURL", known)).isTrue();
        assertThat(binds("TIERWATCH_REDIS_URI", known)).isFalse();
        assertThat(binds("TIERWATCH_SECURITY_ISSUER", known)).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyImageItBuildsIsATargetOfTheDockerfileAndEveryDependencyIsAService() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        Map<String, Object> services = services();
        services.forEach((name, definition) -> {
            Map<String, Object> service = (Map<String, Object>) definition;
            if (service.get("build") instanceof Map<?, ?> build) {
                assertThat(dockerfile).as(name + "'s build target").containsPattern("(?m)^FROM \\S+ AS " + build.get("target") + "$");
            }
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> map) {
                assertThat(services.keySet()).as(name + " depends on").containsAll((Iterable<String>) map.keySet());
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaKeepsItsLogOnTheVolumeAndOffersAHostListener() throws IOException {
        Map<String, Object> kafka = (Map<String, Object>) services().get("kafka");
        Map<String, Object> environment = (Map<String, Object>) kafka.get("environment");
        List<String> volumes = (List<String>) kafka.get("volumes");

        String logDirs = String.valueOf(environment.get("KAFKA_LOG_DIRS"));
        assertThat(volumes).as("the log directory is a volume, so that `down` and `up` keep the history")
                .anySatisfy(v -> assertThat(v).endsWith(":" + logDirs));
        assertThat(String.valueOf(environment.get("KAFKA_ADVERTISED_LISTENERS"))).contains("localhost:");
    }

    /**
     * Whether a variable names a known property, as Spring Boot maps environment variables: upper
     * case, {@code _} for {@code .} (and for a dash, in the legacy form), list indexes as numbers.
     * A property of a map or list type takes any keys or indexes after its name.
     */
    static boolean binds(String variable, Map<String, String> known) {
        String name = flat(variable);
        for (Map.Entry<String, String> property : known.entrySet()) {
            String p = flat(property.getKey());
            if (name.equals(p)) {
                return true;
            }
            String type = property.getValue();
            if (name.startsWith(p) && (type.startsWith("java.util.Map") || type.startsWith("java.util.List")
                    || type.startsWith("java.util.Set"))) {
                return true;
            }
        }
        return false;
    }

    private static String flat(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Every property in the configuration metadata on this classpath and in the services' builds: name to type. */
    private static Map<String, String> knownProperties() throws IOException {
        Map<String, String> known = new HashMap<>();
        for (URL url : Collections.list(ComposeFileTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                read(CloudEventsKafka.json().readTree(in), known);
            }
        }
        for (String service : TIERWATCH) {
            Path metadata = ROOT.resolve(service).resolve("target/classes/META-INF/spring-configuration-metadata.json");
            assertThat(metadata).as("built by the configuration processor").exists();
            read(CloudEventsKafka.json().readTree(Files.readString(metadata)), known);
        }
        return known;
    }

    private static void read(JsonNode metadata, Map<String, String> known) {
        for (JsonNode property : metadata.path("properties")) {
            known.put(property.path("name").asString(), property.path("type").asString(""));
        }
    }
}
