package io.tierwatch.security;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The decoder every service checks tokens with: the signature against the issuer's keys, then
 * issuer, lifetime and audience. The keys are fetched on first use (and again for an unknown key
 * id), so a service starts while the issuer is still coming up.
 */
final class TokenValidation {

    private TokenValidation() {
    }

    static JwtDecoder decoder(SecurityProperties properties) {
        if (properties.issuerUri() == null || properties.issuerUri().isBlank()) {
            throw new IllegalStateException("tierwatch.security.issuer-uri is not set: the service cannot check tokens "
                    + "(docs/security.md)");
        }
        if (properties.audience() == null || properties.audience().isBlank()) {
            throw new IllegalStateException("tierwatch.security.audience is not set (the service's own name)");
        }
        SupplierJwtDecoder lazy = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = properties.jwkSetUri() == null || properties.jwkSetUri().isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build()
                    : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
            decoder.setJwtValidator(validator(properties));
            return decoder;
        });
        // an issuer that cannot be reached yet is the service's outage (503), as an unreachable key set is
        return token -> {
            try {
                return lazy.decode(token);
            } catch (JwtDecoderInitializationException e) {
                throw new JwtException("the issuer " + properties.issuerUri() + " cannot be reached: " + e.getMessage(), e);
            }
        };
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuerUri()), audience(properties.audience())));
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error error = new OAuth2Error("invalid_token", "the token is not meant for " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(error);
    }
}
