package io.tierwatch.scoring.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import io.tierwatch.security.ResourceServer;

/**
 * Every read needs a token: a person's (any role; {@link CustomerController} narrows it to their
 * books) or a system's with {@code scores:read}.
 */
@Configuration(proxyBeanMethods = false)
// not in the rebuild command's run, which has no web server (--spring.main.web-application-type=none)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ResourceServer.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ResourceServer resourceServer, JwtDecoder decoder) throws Exception {
        resourceServer.applyStateless(http, decoder, auth -> auth
                .requestMatchers("/api/**").access(ResourceServer.scopeOrRoles(CustomerController.READ_SCOPE,
                        "REP", "MANAGER", "ADMIN", "OPS")));
        return http.build();
    }
}
