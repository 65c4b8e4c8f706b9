package io.tierwatch.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens come from and how their claims read ({@code tierwatch.security.*}). Any OIDC
 * provider will do: an issuer URI, the audience, and the claim names (docs/security.md has the
 * mapping for Keycloak).
 *
 * @param issuerUri the {@code iss} tokens must carry; its discovery document gives the keys
 * @param jwkSetUri where to fetch the keys instead of discovering them, for a network where this
 *        service reaches the issuer by another address than the one in {@code iss}
 * @param audience what {@code aud} must contain: this service's name
 * @param clockSkew how far a token's {@code exp} and {@code nbf} may be off this machine's clock
 * @param claims the claim names (a dotted name reads a nested claim: {@code realm_access.roles})
 * @param managersSeeAll whether a MANAGER sees every rep's book instead of their team's
 * @param prometheusOpen whether {@code /actuator/prometheus} answers without a token (for a scraper inside
 *        the deployment's network)
 */
@ConfigurationProperties("tierwatch.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, String audience,
        @DefaultValue("PT30S") Duration clockSkew, @DefaultValue Claims claims,
        @DefaultValue("false") boolean managersSeeAll, @DefaultValue("true") boolean prometheusOpen) {

    public record Claims(@DefaultValue("roles") String roles, @DefaultValue("rep_id") String repId,
            @DefaultValue("team") String team, @DefaultValue("scope") String scopes) {
    }
}
