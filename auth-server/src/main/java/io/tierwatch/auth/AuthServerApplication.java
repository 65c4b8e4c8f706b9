package io.tierwatch.auth;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    /** Reads {@code auth-server.yml}, like each service reads its own. */
    public static final String CONFIG_NAME = "auth-server";

    public static void main(String[] args) {
        new SpringApplicationBuilder(AuthServerApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
