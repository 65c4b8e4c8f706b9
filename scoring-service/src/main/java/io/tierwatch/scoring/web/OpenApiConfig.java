package io.tierwatch.scoring.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.tierwatch.support.ApiDocs;

/** The OpenAPI document at {@code /v3/api-docs} (with a token, as every path but health). */
@Configuration(proxyBeanMethods = false)
// not in the rebuild command's run, which has no web server (--spring.main.web-application-type=none)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpenApiConfig {

    @Bean
    OpenAPI scoringServiceApi() {
        return ApiDocs.document("Tierwatch scoring-service", "Each customer's exact profit, lifetime and over the "
                + "trailing window, their tier and traits, the moves between tiers with reasons, and the portfolio, over "
                + "the books the caller sees: a rep their own, a manager their team's, scores:read systems, admins and "
                + "ops everyone's. Amounts are decimal strings of the base currency.");
    }

    @Bean
    OpenApiCustomizer scoringTokenResponses() {
        return ApiDocs.tokenResponses("a system without scores:read, or a list asked for by the owner of a book the "
                + "caller does not see");
    }
}
