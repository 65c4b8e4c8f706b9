package io.tierwatch.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The accounts and the issuer's settings, all from configuration ({@code tierwatch.auth.*}).
 *
 * @param issuer the {@code iss} of every token and the base of the discovery document; unset, the
 *        URL a request came in on (fine when every party reaches the issuer by one address)
 * @param keyFile a JSON Web Key file holding the signing key, written with a new key when missing,
 *        so that a restart keeps tokens valid; unset, a new key at every start
 * @param accessTokenTtl lifetime of an access token unless a client sets its own
 * @param audiences the {@code aud} of a token when its client names none: every service
 */
@ConfigurationProperties("tierwatch.auth")
public record AuthProperties(URI issuer, Path keyFile,
        @DefaultValue("PT15M") Duration accessTokenTtl,
        @DefaultValue({"order-service", "scoring-service", "notification-service"}) List<String> audiences,
        @DefaultValue List<User> users,
        @DefaultValue List<Client> clients,
        @DefaultValue List<WebClient> webClients) {

    /**
     * A person.
     *
     * @param username the login name and the token's {@code sub}
     * @param password a hash with its {@code {id}} prefix ({@code {bcrypt}...}), or {@code {noop}...} for demos
     * @param roles REP, MANAGER, ADMIN, OPS
     * @param repId the rep whose book this person owns; for a REP, defaults to the username
     * @param team the reps a MANAGER looks after
     */
    public record User(String username, String password, @DefaultValue List<String> roles, String repId,
            @DefaultValue List<String> team, String name, String email) {

        String effectiveRepId() {
            if (repId != null && !repId.isBlank()) {
                return repId;
            }
            return roles.contains("REP") ? username : null;
        }
    }

    /**
     * A system with the client-credentials grant.
     *
     * @param scopes the scopes it may ask for, and gets when it asks for none
     * @param audiences the services its tokens are for; empty means {@link AuthProperties#audiences()}
     * @param accessTokenTtl its own token lifetime, null for the default
     */
    public record Client(String clientId, String secret, @DefaultValue List<String> scopes,
            @DefaultValue List<String> audiences, Duration accessTokenTtl) {
    }

    /**
     * A browser application people log in to with authorization code + PKCE.
     *
     * @param secret null for a public client (a page's script); set for a server-side application
     * @param redirectUris where a code may go; a loopback address ({@code 127.0.0.1}) may come with any port
     */
    public record WebClient(String clientId, String secret, List<String> redirectUris,
            @DefaultValue List<String> postLogoutRedirectUris, @DefaultValue List<String> audiences) {
    }
}
