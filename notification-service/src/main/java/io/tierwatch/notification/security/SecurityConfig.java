package io.tierwatch.notification.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

import io.tierwatch.security.ResourceServer;

/**
 * The API takes bearer tokens, as the other services' do, and also the live page's session: a
 * person logs in at the issuer (authorization code + PKCE) and the session holds the login.
 * Any API path without either is a 401 problem; a page is a redirect to the login. The session
 * cookie is SameSite=Strict (the yml), so a foreign site cannot ride it into the API, which is
 * why the API needs no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@Import(ResourceServer.class)
class SecurityConfig {

    static final String REGISTRATION = "tierwatch";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ResourceServer resourceServer, JwtDecoder decoder,
            ClientRegistrationRepository registrations) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                "/oauth2/authorization");
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        resourceServer.apply(http, decoder, auth -> auth
                        .requestMatchers("/api/**").access(ResourceServer.scopeOrRoles(Viewer.READ_SCOPE,
                                "REP", "MANAGER", "ADMIN", "OPS")))
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(roles(resourceServer)))
                        .defaultSuccessUrl("/", true)
                        .failureHandler((request, response, e) -> {
                            // the browser only sees "login failed"; the reason is for the operator
                            LOG.warn("a login at the issuer failed: {}", e.getMessage());
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION),
                        new NegatedRequestMatcher(ResourceServer.API)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ResourceServer.API));
        return http.build();
    }

    /** A browser login's authorities from its ID token's claims, the same as a bearer token's. */
    private static GrantedAuthoritiesMapper roles(ResourceServer resourceServer) {
        return authorities -> {
            List<GrantedAuthority> mapped = new java.util.ArrayList<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Map<String, Object> claims = oidc.getIdToken().getClaims();
                    Collection<GrantedAuthority> fromClaims = resourceServer.authorities(
                            io.tierwatch.security.Caller.of(claims, resourceServer.properties()));
                    mapped.addAll(fromClaims);
                }
            }
            return mapped;
        };
    }
}
