package io.tierwatch.scoring;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ScoringServiceApplication {

    /** Each service reads {@code scoring-service.yml}, so all three can share one JVM in the end-to-end tests. */
    public static final String CONFIG_NAME = "scoring-service";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ScoringServiceApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
