package io.tierwatch.portal.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person looking at a page, from their login's ID token: the auth-server's {@code roles},
 * {@code rep_id} and {@code team} claims. The portal uses it only to choose pages and words; what
 * a person may see is decided by the services, which get the person's own token.
 */
public record Viewer(String name, String displayName, List<String> roles, String repId, List<String> team) {

    public static Viewer of(OidcUser user) {
        return new Viewer(user.getName(), user.getClaimAsString("name") == null ? user.getName()
                : user.getClaimAsString("name"), strings(user.getClaim("roles")), user.getClaimAsString("rep_id"),
                strings(user.getClaim("team")));
    }

    public boolean manager() {
        return roles.contains("MANAGER") || roles.contains("ADMIN") || roles.contains("OPS");
    }

    public boolean rep() {
        return roles.contains("REP");
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }
}
