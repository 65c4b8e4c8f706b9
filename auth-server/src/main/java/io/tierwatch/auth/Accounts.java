package io.tierwatch.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** The people and the clients of {@link AuthProperties}, as Spring Security's user and client stores. */
final class Accounts implements UserDetailsService {

    /** The client setting that holds the services a client's tokens are for. */
    static final String AUDIENCES = "tierwatch.audiences";

    private final Map<String, AuthProperties.User> users = new LinkedHashMap<>();
    private final AuthProperties properties;

    Accounts(AuthProperties properties) {
        this.properties = properties;
        for (AuthProperties.User user : properties.users()) {
            require(user.username(), "a user's username");
            require(user.password(), "the password of user " + user.username());
            if (users.put(user.username(), user) != null) {
                throw new IllegalStateException("user " + user.username() + " is configured twice");
            }
        }
    }

    Optional<AuthProperties.User> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AuthProperties.User user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return User.withUsername(user.username()).password(user.password())
                .authorities(user.roles().stream().map(r -> "ROLE_" + r).toArray(String[]::new)).build();
    }

    InMemoryRegisteredClientRepository clients() {
        List<RegisteredClient> clients = new java.util.ArrayList<>();
        for (AuthProperties.Client c : properties.clients()) {
            require(c.clientId(), "a client's client-id");
            require(c.secret(), "the secret of client " + c.clientId());
            clients.add(RegisteredClient.withId(c.clientId()).clientId(c.clientId()).clientSecret(c.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scopes(s -> s.addAll(c.scopes()))
                    .clientSettings(ClientSettings.builder().setting(AUDIENCES, audiences(c.audiences())).build())
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(c.accessTokenTtl() == null ? properties.accessTokenTtl() : c.accessTokenTtl())
                            .build())
                    .build());
        }
        for (AuthProperties.WebClient w : properties.webClients()) {
            require(w.clientId(), "a web client's client-id");
            boolean confidential = w.secret() != null && !w.secret().isBlank();
            RegisteredClient.Builder builder = RegisteredClient.withId(w.clientId()).clientId(w.clientId())
                    .clientAuthenticationMethod(confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
                            : ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUris(r -> r.addAll(w.redirectUris()))
                    .postLogoutRedirectUris(r -> r.addAll(w.postLogoutRedirectUris()))
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                    // first-party pages: no consent screen; PKCE always, for confidential clients too
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                            .setting(AUDIENCES, audiences(w.audiences())).build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build());
            if (confidential) {
                builder.clientSecret(w.secret());
            }
            clients.add(builder.build());
        }
        if (clients.isEmpty()) {
            throw new IllegalStateException("no clients are configured (tierwatch.auth.clients, tierwatch.auth.web-clients)");
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    private List<String> audiences(List<String> own) {
        return own.isEmpty() ? properties.audiences() : own;
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(what + " is not configured");
        }
    }
}
