package io.tierwatch.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class DomainIsPlainJavaTest {

    private static final Path DOMAIN = Path.of("src/main/java/io/tierwatch/scoring/domain");

    @Test
    void keepsTheDomainCoreFreeOfSpringKafkaAndRedis() throws IOException {
        List<String> imports;
        try (Stream<Path> files = Files.list(DOMAIN)) {
            imports = files.flatMap(DomainIsPlainJavaTest::lines).filter(l -> l.startsWith("import ")).toList();
        }
        assertThat(imports).isNotEmpty().noneMatch(l -> l.contains("org.springframework")
                || l.contains("org.apache.kafka") || l.contains("redis.clients") || l.contains("io.micrometer"));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
