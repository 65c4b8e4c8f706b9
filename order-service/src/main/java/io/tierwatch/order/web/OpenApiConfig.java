package io.tierwatch.order.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** Names the OpenAPI document springdoc serves at {@code /v3/api-docs}. */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI orderServiceApi() {
        return new OpenAPI().info(new Info().title("Tierwatch order-service").version("v1")
                .description("Orders, returns, service tickets, customer master data and CSV history imports, "
                        + "published to Kafka as CloudEvents once the broker acknowledged them. Amounts are decimal "
                        + "strings of the base currency; errors are RFC 9457 problem details naming the fields."));
    }
}
