package io.tierwatch.order.security;

import static io.tierwatch.security.ResourceServer.scopeOrRoles;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import io.tierwatch.security.ResourceServer;

/**
 * order-service's rules. Publishing needs the scope of what is published ({@code orders:write},
 * {@code tickets:write}, {@code customers:write}) or the ADMIN role, and so does importing it (a
 * sales import also OPS); any of the three scopes reads the imports' statuses. Reading a customer's master data needs a token;
 * whose customers it may read is decided where the owner is known ({@code customers}).
 */
@Configuration(proxyBeanMethods = false)
@Import(ResourceServer.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ResourceServer resourceServer, JwtDecoder decoder) throws Exception {
        resourceServer.applyStateless(http, decoder, auth -> auth
                .requestMatchers(HttpMethod.POST, "/api/v1/orders", "/api/v1/orders/*/returns")
                        .access(scopeOrRoles("orders:write", "ADMIN"))
                .requestMatchers(HttpMethod.POST, "/api/v1/service-tickets").access(scopeOrRoles("tickets:write", "ADMIN"))
                .requestMatchers(HttpMethod.PUT, "/api/v1/customers/*").access(scopeOrRoles("customers:write", "ADMIN"))
                .requestMatchers(HttpMethod.GET, "/api/v1/customers/*/owner-changes")
                        .access(scopeOrRoles("customers:write", "ADMIN", "OPS"))
                .requestMatchers(HttpMethod.POST, "/api/v1/imports/customers").access(scopeOrRoles("customers:write", "ADMIN"))
                .requestMatchers(HttpMethod.POST, "/api/v1/imports/service-tickets")
                        .access(scopeOrRoles("tickets:write", "ADMIN"))
                .requestMatchers(HttpMethod.POST, "/api/v1/imports").access(scopeOrRoles("orders:write", "ADMIN", "OPS"))
                .requestMatchers(HttpMethod.GET, "/api/v1/imports", "/api/v1/imports/**")
                        .access(scopeOrRoles(List.of("orders:write", "customers:write", "tickets:write"), "ADMIN", "OPS"))
                .requestMatchers("/api/v1/imports", "/api/v1/imports/**").denyAll()
                .requestMatchers("/api/**").authenticated()
                // the API description: any caller with a token (the UI's own assets are static)
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").authenticated());
        return http.build();
    }
}
