package io.tierwatch.portal.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OIDC issuer people log in at, as for every service ({@code tierwatch.security.issuer-uri});
 * portal.yml derives the login's endpoints from it.
 */
@ConfigurationProperties("tierwatch.security")
public record IssuerProperties(@DefaultValue("http://127.0.0.1:9000") URI issuerUri) {
}
