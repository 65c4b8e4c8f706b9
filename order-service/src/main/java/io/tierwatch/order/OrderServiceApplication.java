package io.tierwatch.order;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;


@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderServiceApplication {

    /** Each service reads {@code order-service.yml}, so all three can share one JVM in the end-to-end tests. */
    public static final String CONFIG_NAME = "order-service";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(OrderServiceApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    /** Event times come from here, so they are UTC instants. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
