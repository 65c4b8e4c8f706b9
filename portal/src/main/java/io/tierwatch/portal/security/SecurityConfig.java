package io.tierwatch.portal.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every page needs a login at the issuer (authorization code with PKCE); the session holds it,
 * with the access token the portal calls the services with. Health and the static assets are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                "/oauth2/authorization");
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/webjars/**", "/portal.css", "/portal.js", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                        .defaultSuccessUrl("/", true)
                        .failureHandler((request, response, e) -> {
                            // the browser only learns that the login failed; the reason is for the operator
                            LOG.warn("a login at the issuer failed: {}", e.getMessage());
                            response.sendError(401, "The login failed. Open the portal again to retry.");
                        }))
                .logout(logout -> logout.logoutSuccessUrl("/"));
        return http.build();
    }
}
