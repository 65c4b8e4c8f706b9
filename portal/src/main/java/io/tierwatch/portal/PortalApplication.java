package io.tierwatch.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PortalApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "portal"));
        application.run(args);
    }
}
