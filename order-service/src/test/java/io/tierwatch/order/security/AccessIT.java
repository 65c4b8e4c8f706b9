package io.tierwatch.order.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Topics;
import io.tierwatch.order.Http;
import io.tierwatch.order.Orders;
import io.tierwatch.testsupport.ForgedTokens;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import io.tierwatch.testsupport.Tokens;
import tools.jackson.databind.JsonNode;

/** Who may publish and read what on order-service, with tokens from the real auth-server. */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // no leeway on a token's expiry, so that the expired-token case needs a 2 s token, not a minute's wait
        properties = {"spring.config.name=order-service", "tierwatch.security.clock-skew=PT0S"})
class AccessIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void refusesAnOrderWithoutATokenWithAProblemAndPublishesNothing() {
        String customer = Orders.unique("cust");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            Http.Response refused = Http.anonymous(port).post("/api/v1/orders", Orders.order(Orders.unique("ord"), customer));

            assertUnauthorized(refused);
            assertThat(refused.json().get("detail").asString()).contains("needs a bearer token");
            // the customer's only record is a later, authorised order
            String sentinel = Orders.unique("ord");
            assertThat(new Http(port).post("/api/v1/orders", Orders.order(sentinel, customer)).status()).isEqualTo(202);
            probe.await(1, r -> customer.equals(r.key()), WAIT);
            assertThat(probe.events(Topics.ORDERS)).filteredOn(e -> customer.equals(e.subject()))
                    .extracting(EventEnvelope::id).containsExactly("order-placed:" + sentinel);
        }
    }

    @Test
    void refusesATamperedTokenAndOneWithForgedClaims() {
        String token = Tokens.client("tickets-only");
        String order = Orders.order(Orders.unique("ord"), Orders.unique("cust"));

        assertUnauthorized(Http.anonymous(port).as(ForgedTokens.tampered(token)).post("/api/v1/orders", order));
        String forged = Tokens.claims(token).toString().replace("tickets:write", "orders:write");
        assertUnauthorized(Http.anonymous(port).as(ForgedTokens.withPayload(token, forged)).post("/api/v1/orders", order));
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        String stranger = ForgedTokens.fromAnotherIssuer("order-service", "orders:write");

        assertUnauthorized(Http.anonymous(port).as(stranger)
                .post("/api/v1/orders", Orders.order(Orders.unique("ord"), Orders.unique("cust"))));
    }

    @Test
    void refusesATokenMeantForAnotherService() {
        // scoring-only has orders:write, but its tokens are for scoring-service alone
        Http.Response refused = Http.anonymous(port).as(Tokens.client("scoring-only"))
                .post("/api/v1/orders", Orders.order(Orders.unique("ord"), Orders.unique("cust")));

        assertUnauthorized(refused);
    }

    @Test
    void refusesATokenOnceItHasExpired() {
        Http caller = Http.anonymous(port).as(Tokens.client("short-lived", "orders:write"));
        assertThat(caller.post("/api/v1/orders", Orders.order(Orders.unique("ord"), Orders.unique("cust"))).status())
                .isEqualTo(202);

        Awaitility.await("the 2 s token expired").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> caller.post("/api/v1/orders", Orders.order(Orders.unique("ord"), Orders.unique("cust")))
                        .status() == 401);
    }

    @Test
    void aSystemWithoutOrdersWriteCannotPostAnOrderButMayPostATicket() {
        Http ticketsOnly = Http.anonymous(port).as(Tokens.client("tickets-only"));

        Http.Response refused = ticketsOnly.post("/api/v1/orders", Orders.order(Orders.unique("ord"), Orders.unique("cust")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("WWW-Authenticate")).contains("insufficient_scope");
        assertThat(ticketsOnly.post("/api/v1/service-tickets", Orders.ticket(Orders.unique("tkt"), Orders.unique("cust")))
                .status()).isEqualTo(202);
        assertThat(ticketsOnly.postCsv("/api/v1/imports", "Invoice\n").status()).isEqualTo(403);
    }

    @Test
    void aRepCanNeitherPostNorMoveACustomer() {
        Http rep = Http.anonymous(port).as(Tokens.user("rep-a"));

        assertThat(rep.post("/api/v1/orders", Orders.order(Orders.unique("ord"), Orders.unique("cust"))).status())
                .isEqualTo(403);
        assertThat(rep.put("/api/v1/customers/" + Orders.unique("cust"), customer("rep-a")).status()).isEqualTo(403);
    }

    @Test
    void recordsWhoChangedACustomersOwner() {
        String id = Orders.unique("cust");
        Http erp = Http.anonymous(port).as(Tokens.client("erp"));
        Http admin = Http.anonymous(port).as(Tokens.user("admin"));
        assertThat(erp.put("/api/v1/customers/" + id, customer("rep-a")).status()).isEqualTo(202);
        assertThat(erp.put("/api/v1/customers/" + id, customer("rep-a")).status()).isEqualTo(202); // same owner: no change
        assertThat(admin.put("/api/v1/customers/" + id, customer("rep-b")).status()).isEqualTo(202);

        JsonNode changes = admin.get("/api/v1/customers/" + id + "/owner-changes").json();

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("from").asString()).isEqualTo("rep-a");
        assertThat(changes.get(0).get("to").asString()).isEqualTo("rep-b");
        assertThat(changes.get(0).get("changedBy").asString()).isEqualTo("admin");
        assertThat(changes.get(1).get("from").isNull()).isTrue();
        assertThat(changes.get(1).get("changedBy").asString()).isEqualTo("erp");
        assertThat(Http.anonymous(port).as(Tokens.user("rep-b")).get("/api/v1/customers/" + id + "/owner-changes")
                .status()).isEqualTo(403);
    }

    @Test
    void aRepReadsTheirOwnCustomerAndAnotherRepsIsNotFound() {
        String mine = Orders.unique("cust");
        String theirs = Orders.unique("cust");
        Http erp = Http.anonymous(port).as(Tokens.client("erp"));
        erp.put("/api/v1/customers/" + mine, customer("rep-a"));
        erp.put("/api/v1/customers/" + theirs, customer("rep-b"));
        Http repA = Http.anonymous(port).as(Tokens.user("rep-a"));
        Http managerA = Http.anonymous(port).as(Tokens.user("manager-a"));

        assertThat(repA.get("/api/v1/customers/" + mine).status()).isEqualTo(200);
        Http.Response other = repA.get("/api/v1/customers/" + theirs);
        Http.Response unknown = repA.get("/api/v1/customers/" + Orders.unique("cust"));
        assertThat(other.status()).isEqualTo(404);
        // the same answer as for an id that does not exist, so ids cannot be probed
        assertThat(other.json().get("title")).isEqualTo(unknown.json().get("title"));
        assertThat(managerA.get("/api/v1/customers/" + mine).status()).isEqualTo(200);
        assertThat(managerA.get("/api/v1/customers/" + theirs).status()).isEqualTo(404);
        assertThat(erp.get("/api/v1/customers/" + theirs).status()).isEqualTo(200);
    }

    @Test
    void healthAndThePrometheusScrapeNeedNoToken() {
        assertThat(Http.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(200);
        assertUnauthorized(Http.anonymous(port).get("/v3/api-docs"));
    }

    private static String customer(String owner) {
        return """
                {"name":"Acme","ownerRepId":"%s","customerSince":"2024-01-01","strategic":false}""".formatted(owner);
    }

    private static void assertUnauthorized(Http.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:tierwatch:problem:unauthorized");
    }
}
