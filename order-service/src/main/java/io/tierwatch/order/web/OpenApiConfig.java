package io.tierwatch.order.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.tierwatch.support.ApiDocs;

/** The OpenAPI document springdoc serves at {@code /v3/api-docs} (with a token, as every path but health). */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI orderServiceApi() {
        return ApiDocs.document("Tierwatch order-service", "Orders, returns, service tickets, customer master data "
                + "and CSV history imports, published to Kafka as CloudEvents once the broker acknowledged them. "
                + "Amounts are decimal strings of the base currency; errors are RFC 9457 problem details naming the fields.");
    }

    @Bean
    OpenApiCustomizer orderTokenResponses() {
        return ApiDocs.tokenResponses("the token lacks the scope of what is posted (orders:write, tickets:write, "
                + "customers:write) or the role (ADMIN; OPS for imports)");
    }
}
