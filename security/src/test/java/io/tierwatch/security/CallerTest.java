package io.tierwatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CallerTest {

    private static SecurityProperties properties(boolean managersSeeAll, SecurityProperties.Claims claims) {
        return new SecurityProperties("http://issuer", null, "scoring-service", Duration.ofSeconds(30), claims,
                managersSeeAll, true);
    }

    private static final SecurityProperties DEFAULTS = properties(false,
            new SecurityProperties.Claims("roles", "rep_id", "team", "scope"));

    @Test
    void aRepSeesOnlyTheirOwnBook() {
        Caller rep = Caller.of(Map.of("sub", "rep-a", "rep_id", "rep-a", "roles", List.of("REP")), DEFAULTS);

        Books books = rep.books("scores:read");
        assertThat(books.includes("rep-a")).isTrue();
        assertThat(books.includes("rep-b")).isFalse();
        assertThat(books.includes(null)).isFalse();
    }

    @Test
    void aRepWithAReadScopeStillSeesOnlyTheirOwnBook() {
        Caller rep = Caller.of(Map.of("sub", "rep-a", "rep_id", "rep-a", "roles", List.of("REP"),
                "scope", "openid scores:read"), DEFAULTS);

        assertThat(rep.books("scores:read").all()).isFalse();
    }

    @Test
    void aPersonWithoutARoleButWithABookIsNotASystem() {
        Caller person = Caller.of(Map.of("sub", "u", "rep_id", "rep-u", "scope", "scores:read"), DEFAULTS);

        assertThat(person.isPerson()).isTrue();
        assertThat(person.books("scores:read").all()).isFalse();
    }

    @Test
    void aManagerSeesTheirTeamOrEveryoneByConfiguration() {
        Map<String, Object> claims = Map.of("sub", "m", "roles", List.of("MANAGER"), "team", List.of("rep-a", "rep-c"));

        assertThat(Caller.of(claims, DEFAULTS).books("scores:read")).isEqualTo(Books.of(Set.of("rep-a", "rep-c")));
        assertThat(Caller.of(claims, properties(true, DEFAULTS.claims())).books("scores:read").all()).isTrue();
    }

    @Test
    void aSystemSeesEveryBookOnlyWithTheReadScope() {
        Caller reader = Caller.of(Map.of("sub", "reader", "scope", List.of("scores:read")), DEFAULTS);
        Caller writer = Caller.of(Map.of("sub", "erp", "scope", List.of("orders:write")), DEFAULTS);

        assertThat(reader.books("scores:read").all()).isTrue();
        assertThat(writer.books("scores:read")).isEqualTo(Books.NONE);
        assertThat(reader.isPerson()).isFalse();
    }

    @Test
    void adminsAndOpsSeeEveryBook() {
        assertThat(Caller.of(Map.of("sub", "a", "roles", List.of("OPS")), DEFAULTS).books("scores:read").all()).isTrue();
    }

    @Test
    void keycloakStyleNestedRolesAndUnknownRolesAreRead() {
        SecurityProperties keycloak = properties(false,
                new SecurityProperties.Claims("realm_access.roles", "rep_id", "team", "scope"));
        Caller caller = Caller.of(Map.of("sub", "x", "rep_id", "rep-k",
                "realm_access", Map.of("roles", List.of("rep", "offline_access", "default-roles-tierwatch"))), keycloak);

        assertThat(caller.roles()).containsExactly(Role.REP);
        assertThat(caller.name()).isEqualTo("rep-k");
    }
}
