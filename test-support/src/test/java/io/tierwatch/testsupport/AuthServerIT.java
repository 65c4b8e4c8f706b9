package io.tierwatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The real auth-server issues what the services authorize by. */
class AuthServerIT {

    @Test
    void aSystemGetsItsScopesAndTheServicesAsAudience() {
        JsonNode claims = Tokens.claims(Tokens.client("erp"));

        assertThat(claims.get("iss").asString()).isEqualTo(AuthServer.shared().issuer());
        assertThat(claims.get("sub").asString()).isEqualTo("erp");
        assertThat(claims.get("scope").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("orders:write", "tickets:write", "customers:write");
        assertThat(claims.get("aud").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("order-service", "scoring-service", "notification-service");
        assertThat(claims.has("roles")).isFalse();
    }

    @Test
    void aSystemAskingForFewerScopesGetsOnlyThose() {
        JsonNode claims = Tokens.claims(Tokens.client("erp", "tickets:write"));

        assertThat(claims.get("scope").valueStream().map(JsonNode::asString)).containsExactly("tickets:write");
    }

    @Test
    void aSystemCannotAskForAScopeItDoesNotHave() {
        assertThatThrownBy(() -> Tokens.client("tickets-only", "orders:write")).hasMessageContaining("invalid_scope");
    }

    @Test
    void aClientsOwnAudienceAndLifetimeComeFromConfiguration() {
        // one audience is a string, as RFC 7519 allows
        assertThat(Tokens.claims(Tokens.client("scoring-only")).get("aud").asString()).isEqualTo("scoring-service");
        assertThat(Tokens.ttl(Tokens.client("short-lived", "scores:read"))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aRepLogsInWithPkceAndGetsTheirRoleAndRepId() {
        JsonNode claims = Tokens.claims(Tokens.user("rep-a"));

        assertThat(claims.get("sub").asString()).isEqualTo("rep-a");
        assertThat(claims.get("rep_id").asString()).isEqualTo("rep-a");
        assertThat(claims.get("roles").valueStream().map(JsonNode::asString)).containsExactly("REP");
        assertThat(claims.has("team")).isFalse();
    }

    @Test
    void aManagersTokenCarriesTheirTeam() {
        JsonNode claims = Tokens.claims(Tokens.user("manager-a"));

        assertThat(claims.get("roles").valueStream().map(JsonNode::asString)).containsExactly("MANAGER");
        assertThat(claims.get("team").valueStream().map(JsonNode::asString)).containsExactly("rep-a");
        assertThat(claims.has("rep_id")).isFalse();
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> Tokens.login("rep-a", "not-the-password")).hasMessageContaining("refused");
    }
}
