package io.tierwatch.notification.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.tierwatch.support.ApiDocs;

/** The OpenAPI document at {@code /v3/api-docs} (with a token or the live page's session). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI notificationServiceApi() {
        return ApiDocs.document("Tierwatch notification-service", "The alerts sent to account owners when their "
                + "customers slide into loss (the delivery log, the live stream), snoozes, and where each rep's alerts go. "
                + "A rep sees their own, a manager their team's, alerts:read systems, admins and ops everyone's.");
    }

    @Bean
    OpenApiCustomizer notificationTokenResponses() {
        return ApiDocs.tokenResponses("a system without alerts:read, or another rep's alerts, stream or settings");
    }
}
