package io.tierwatch.auth;

import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts what the services authorize by into the tokens: {@code aud} (the services a token is for)
 * on access tokens; for people, {@code roles}, {@code rep_id} and {@code team} on access and ID
 * tokens; for a system that asked for no scope, all of its scopes.
 */
final class TierwatchClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";
    static final String REP_ID = "rep_id";
    static final String TEAM = "team";

    private final Accounts accounts;

    TierwatchClaims(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (accessToken) {
            List<String> audiences = context.getRegisteredClient().getClientSettings().getSetting(Accounts.AUDIENCES);
            context.getClaims().audience(audiences);
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            if (accessToken && context.getAuthorizedScopes().isEmpty()) {
                context.getClaims().claim("scope", List.copyOf(context.getRegisteredClient().getScopes()));
            }
            return;
        }
        if (!accessToken && !idToken) {
            return;
        }
        accounts.user(context.getPrincipal().getName()).ifPresent(user -> context.getClaims().claims(claims -> {
            claims.put(ROLES, user.roles());
            if (user.effectiveRepId() != null) {
                claims.put(REP_ID, user.effectiveRepId());
            }
            if (!user.team().isEmpty()) {
                claims.put(TEAM, user.team());
            }
            if (user.name() != null) {
                claims.put("name", user.name());
            }
            if (user.email() != null) {
                claims.put("email", user.email());
            }
        }));
    }
}
