package io.tierwatch.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.Http;
import io.tierwatch.scoring.ScoringIT;
import io.tierwatch.scoring.TestEvents;
import io.tierwatch.scoring.TierEvents;
import io.tierwatch.testsupport.ForgedTokens;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Reps see only their own book, managers their team's, with tokens from the real auth-server:
 * in the customer, the lists and the portfolio.
 */
@ScoringIT
class AccessIT {

    /** rep-a's customers and rep-b's, scored once for the class (manager-a's team is rep-a). */
    private static final List<String> REP_A = List.of(TestEvents.customer("a1"), TestEvents.customer("a2"));
    private static final List<String> REP_B = List.of(TestEvents.customer("b1"));

    @LocalServerPort
    int port;

    private static boolean scored;

    /** Once, before the first test, when the context (and its consumer) runs; a static @BeforeAll comes before it. */
    @BeforeEach
    void scoreTheBooks() {
        if (scored) {
            return;
        }
        scored = true;
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            for (String c : REP_A) {
                score(c, "rep-a");
            }
            score(REP_B.get(0), "rep-b");
            for (String c : REP_A) {
                TierEvents.await(probe, c, 1);
            }
            TierEvents.await(probe, REP_B.get(0), 1);
        }
    }

    private static void score(String customer, String owner) {
        TestEvents.send(Topics.CUSTOMERS, customer, TestEvents.customer(customer, owner, null, false));
        TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "10.00", "20.00"));
    }

    @Test
    void aRepReadsTheirOwnCustomerAndAnotherRepsIsNotFound() {
        String repA = Tokens.user("rep-a");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> Http.get(port, "/api/v1/customers/" + REP_A.get(0), repA).status() == 200);

        Http.Reply other = Http.get(port, "/api/v1/customers/" + REP_B.get(0), repA);
        Http.Reply unknown = Http.get(port, "/api/v1/customers/" + TestEvents.customer("nobody"), repA);

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("title")).isEqualTo(unknown.json().get("title"));
        // the problem vocabulary every service shares
        assertThat(other.json().get("type").asString()).isEqualTo("urn:tierwatch:problem:not-found");
        assertThat(Http.get(port, "/api/v1/customers/" + REP_B.get(0), Tokens.user("rep-b")).status()).isEqualTo(200);
    }

    @Test
    void aRepsListHoldsOnlyTheirCustomersAndAnotherRepsListIsRefused() {
        String repA = Tokens.user("rep-a");

        JsonNode mine = Http.get(port, "/api/v1/customers?size=500", repA).json();

        assertThat(ids(mine.get("items"))).containsAll(REP_A).doesNotContainAnyElementsOf(REP_B);
        assertThat(mine.get("items").valueStream().map(i -> i.get("ownerRepId").asString())).containsOnly("rep-a");
        assertThat(Http.get(port, "/api/v1/customers?tier=D&size=500", repA).json().get("total").asLong())
                .isEqualTo(mine.get("total").asLong());
        assertThat(Http.get(port, "/api/v1/customers?owner=rep-b", repA).status()).isEqualTo(403);
    }

    @Test
    void aRepsPortfolioCoversOnlyTheirCustomers() {
        JsonNode portfolio = Http.portfolio(port, Tokens.user("rep-a"), p -> p.get("customers").asInt() == REP_A.size());

        assertThat(portfolio.get("customers").asInt()).isEqualTo(REP_A.size());
        assertThat(ids(portfolio.get("profitabilityMap"))).containsExactlyInAnyOrderElementsOf(REP_A);
    }

    @Test
    void aManagerSeesTheirTeamsCustomersOnly() {
        String manager = Tokens.user("manager-a");

        assertThat(Http.get(port, "/api/v1/customers/" + REP_A.get(1), manager).status()).isEqualTo(200);
        assertThat(Http.get(port, "/api/v1/customers/" + REP_B.get(0), manager).status()).isEqualTo(404);
        assertThat(ids(Http.get(port, "/api/v1/customers?size=500", manager).json().get("items")))
                .containsAll(REP_A).doesNotContainAnyElementsOf(REP_B);
        assertThat(Http.portfolio(port, manager, p -> p.get("customers").asInt() >= REP_A.size())
                .get("customers").asInt()).isEqualTo(REP_A.size());
    }

    @Test
    void aSystemWithScoresReadSeesEveryBookAndOneWithoutItNone() {
        assertThat(ids(Http.portfolio(port, Tokens.client("reader"), p -> ids(p.get("profitabilityMap"))
                .containsAll(REP_B)).get("profitabilityMap"))).containsAll(REP_A).containsAll(REP_B);
        Http.Reply refused = Http.get(port, "/api/v1/portfolio", Tokens.client("erp"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("WWW-Authenticate")).contains("insufficient_scope");
    }

    @Test
    void refusesMissingTamperedForeignMisaddressedAndExpiredTokens() {
        String path = "/api/v1/customers/" + REP_A.get(0);
        assertUnauthorized(Http.get(port, path, null));
        assertUnauthorized(Http.get(port, path, ForgedTokens.tampered(Tokens.client("reader"))));
        assertUnauthorized(Http.get(port, path, ForgedTokens.fromAnotherIssuer("scoring-service", "scores:read")));
        // erp's tokens are for all three services but lack scores:read: forged claims do not help
        String erp = Tokens.client("erp");
        assertUnauthorized(Http.get(port, path,
                ForgedTokens.withPayload(erp, Tokens.claims(erp).toString().replace("orders:write", "scores:read"))));
        String expiring = Tokens.client("short-lived", "scores:read");
        assertThat(Http.get(port, path, expiring).status()).isEqualTo(200);
        Awaitility.await("the 2 s token expired").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> Http.get(port, path, expiring).status() == 401);
    }

    @Test
    void aTokenForAnotherServiceIsRefusedHere() {
        // order-only has scores:read, but its tokens are for order-service alone
        assertUnauthorized(Http.get(port, "/api/v1/portfolio", Tokens.client("order-only")));
    }

    @Test
    void aPathTheFirewallRefusesIsABadRequestProblemNotAnErrorPage() {
        Http.Reply refused = Http.get(port, "/api/v1/customers/" + REP_A.get(0) + ";jsessionid=x");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("refused");
    }

    private static List<String> ids(JsonNode items) {
        return items.valueStream().map(i -> i.get("customerId").asString()).toList();
    }

    private static void assertUnauthorized(Http.Reply response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(Set.of(response.json().get("status").asInt())).containsExactly(401);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:tierwatch:problem:unauthorized");
    }
}
