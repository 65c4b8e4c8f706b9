package io.tierwatch.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The resource-server half every service shares; a service imports it and writes its own rules
 * with {@link #apply}. Authorities are {@code ROLE_<role>} for a person's roles and
 * {@code SCOPE_<scope>} for a system's scopes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServer {

    /** One service's rules for its own endpoints, between the open actuator paths and "everything else needs a token". */
    public interface Rules extends Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {
    }

    /** The API paths: answered with problem details, never with a redirect to a login page. */
    public static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    private final SecurityProperties properties;
    private final ProblemResponses problems = new ProblemResponses();

    public ResourceServer(SecurityProperties properties) {
        this.properties = properties;
    }

    /** A request the firewall refuses gets a problem detail too, not the container's error page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return problems;
    }

    @Bean
    JwtDecoder jwtDecoder() {
        return TokenValidation.decoder(properties);
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver(properties));
            }
        };
    }

    /**
     * Bearer tokens on every path but health, info and (where the deployment says so) prometheus;
     * no session, no CSRF (nothing rides on a cookie); 401 and 403 as problem details.
     */
    public HttpSecurity apply(HttpSecurity http, JwtDecoder decoder, Rules rules) throws Exception {
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll();
                    if (properties.prometheusOpen()) {
                        auth.requestMatchers("/actuator/prometheus").permitAll();
                    }
                    rules.customize(auth);
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(this::authentication))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems::failed);
                                return filter;
                            }
                        }))
                // the only entry point of a pure API; a service with pages adds a login for the rest
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(problems, API)
                        .defaultAccessDeniedHandlerFor(problems, API));
        return http;
    }

    /** {@link #apply}, for a service whose every path is an API: stateless, no CSRF. */
    public HttpSecurity applyStateless(HttpSecurity http, JwtDecoder decoder, Rules rules) throws Exception {
        apply(http, decoder, rules).sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http;
    }

    public SecurityProperties properties() {
        return properties;
    }

    /** Allows a system with {@code scope}, or a person with one of {@code roles}. */
    public static AuthorizationManager<RequestAuthorizationContext> scopeOrRoles(String scope, String... roles) {
        return AuthorizationManagers.anyOf(AuthorityAuthorizationManager.hasAuthority("SCOPE_" + scope),
                AuthorityAuthorizationManager.hasAnyRole(roles));
    }

    /** Any one of {@code scopes}, or one of {@code roles}. */
    public static AuthorizationManager<RequestAuthorizationContext> scopeOrRoles(List<String> scopes, String... roles) {
        return AuthorizationManagers.anyOf(
                AuthorityAuthorizationManager.hasAnyAuthority(scopes.stream().map(s -> "SCOPE_" + s).toArray(String[]::new)),
                AuthorityAuthorizationManager.hasAnyRole(roles));
    }

    /** The caller behind an authentication: a bearer token's, or a browser login's (OIDC ID token claims). */
    public Caller caller(Authentication authentication) {
        return CallerArgumentResolver.of(authentication, properties);
    }

    /** The authorities of a caller: {@code ROLE_x} per role, {@code SCOPE_x} per scope. */
    public Collection<GrantedAuthority> authorities(Caller caller) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        caller.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        caller.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
        return authorities;
    }

    private AbstractAuthenticationToken authentication(Jwt jwt) {
        Caller caller = Caller.of(jwt.getClaims(), properties);
        return new JwtAuthenticationToken(jwt, authorities(caller), caller.name());
    }

    /** For a configuration that needs the converter itself. */
    public Converter<Jwt, AbstractAuthenticationToken> converter() {
        return this::authentication;
    }
}
