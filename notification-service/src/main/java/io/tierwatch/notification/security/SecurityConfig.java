package io.tierwatch.notification.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import io.tierwatch.notification.reps.Rep;
import io.tierwatch.notification.reps.RepDirectory;

/**
 * Reps and managers log in with the hashed passwords from configuration: HTTP Basic for API
 * clients, the generated login form for the live page. Only health, info and prometheus are open.
 * Unauthenticated API calls get a bare 401 (no redirect to the form).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                // Spring Security's own login page carries the CSRF token; the live page needs nothing fancier.
                .formLogin(form -> form.defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.permitAll())
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                // The API is for Basic-auth clients; the session cookie is SameSite=Strict (see the yml),
                // so a foreign site cannot ride a logged-in browser's session into it.
                .csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(RepDirectory reps) {
        return username -> reps.find(username).filter(rep -> rep.password() != null && !rep.password().isBlank())
                .map(SecurityConfig::user)
                .orElseThrow(() -> new UsernameNotFoundException("no rep with a password: " + username));
    }

    private static org.springframework.security.core.userdetails.UserDetails user(Rep rep) {
        String password = rep.password().startsWith("$2") ? "{bcrypt}" + rep.password() : rep.password();
        return User.withUsername(rep.id()).password(password).roles(rep.role().name()).build();
    }
}
