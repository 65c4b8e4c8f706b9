package io.tierwatch.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.Http;
import io.tierwatch.scoring.ScoringIT;
import io.tierwatch.scoring.TestEvents;
import io.tierwatch.scoring.TierEvents;
import io.tierwatch.testsupport.KafkaProbe;
import tools.jackson.databind.JsonNode;

@ScoringIT
class CustomerApiIT {

    @LocalServerPort
    int port;

    @Test
    void showsACustomersFiguresTierTraitsAndHistory() {
        String customer = TestEvents.customer("api");
        String owner = TestEvents.customer("rep");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            TestEvents.send(Topics.CUSTOMERS, customer, TestEvents.customer(customer, owner, LocalDate.now(), true));
            TestEvents.sendOrder(TestEvents.order(customer, Instant.now(), "300.00", "100.00"));
            TestEvents.sendTicket(TestEvents.ticket(customer, Instant.now(), "250.00"));
            TierEvents.await(probe, customer, 2);
        }

        // the history list gets a move between tiers once Kafka has it, just after the event is on
        // the topic; the first classification (INITIAL → B) is not repeated there
        JsonNode body = await().atMost(Duration.ofSeconds(10)).until(
                () -> Http.get(port, "/api/v1/customers/" + customer).json(), json -> json.get("history").size() == 1);

        assertThat(body.get("tier").asString()).isEqualTo("D");
        assertThat(body.get("ownerRepId").asString()).isEqualTo(owner);
        assertThat(body.get("stateVersion").asLong()).isEqualTo(2);
        assertThat(body.get("traits").toString()).contains("STRATEGIC").contains("NEW");
        assertThat(body.get("window").get("profit").asString()).isEqualTo("-50.00");
        assertThat(body.get("lifetime").get("orders").asLong()).isEqualTo(1);
        assertThat(body.get("contributors").get(0).get("profitImpact").asString()).isEqualTo("-250.00");
        assertThat(body.get("history")).hasSize(1);
        assertThat(body.get("history").get(0).get("newTier").asString()).isEqualTo("D");
        assertThat(body.get("history").get(0).get("reason").asString()).contains("B to D");
        // the month of both events: revenue 300.00, profit 300.00 - 100.00 - 250.00
        assertThat(body.get("months")).hasSize(1);
        assertThat(body.get("months").get(0).get("month").asString())
                .isEqualTo(java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString());
        assertThat(body.get("months").get(0).get("revenue").asString()).isEqualTo("300.00");
        assertThat(body.get("months").get(0).get("profit").asString()).isEqualTo("-50.00");
        // the list's trend: twelve months to the window end's month, this one the loss
        JsonNode listed = Http.get(port, "/api/v1/customers?owner=" + owner).json().get("items").get(0);
        assertThat(listed.get("trendTo").asString()).isEqualTo(java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString());
        assertThat(listed.get("monthlyProfit")).hasSize(12);
        assertThat(listed.get("monthlyProfit").get(11).asString()).isEqualTo("-50.00");
        assertThat(listed.get("monthlyProfit").get(0).asString()).isEqualTo("0.00");
    }

    @Test
    void listsAnOwnersLossCustomersPaged() {
        String owner = TestEvents.customer("rep");
        String lossA = TestEvents.customer("list-a");
        String lossB = TestEvents.customer("list-b");
        String fine = TestEvents.customer("list-c");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            for (String c : new String[] {lossA, lossB, fine}) {
                TestEvents.send(Topics.CUSTOMERS, c, TestEvents.customer(c, owner, null, false));
                TestEvents.sendOrder(TestEvents.order(c, Instant.now(), c.equals(fine) ? "50.00" : "10.00", "20.00"));
            }
            for (String c : new String[] {lossA, lossB, fine}) {
                TierEvents.await(probe, c, 1);
            }
        }

        JsonNode first = Http.get(port, "/api/v1/customers?tier=D&owner=" + owner + "&size=1").json();
        JsonNode second = Http.get(port, "/api/v1/customers?tier=D&owner=" + owner + "&size=1&cursor="
                + first.get("next").asString()).json();

        assertThat(first.get("total").asLong()).isEqualTo(2);
        assertThat(first.get("items").get(0).get("customerId").asString()).isEqualTo(lossA);
        assertThat(second.get("items").get(0).get("customerId").asString()).isEqualTo(lossB);
        assertThat(second.get("next").isNull()).isTrue();
        List<String> inD = walk("/api/v1/customers?tier=D&size=7");
        assertThat(inD).contains(lossA, lossB).doesNotContain(fine).doesNotHaveDuplicates();
    }

    @Test
    void walksEveryTierWithTheCursorOncePerCustomer() {
        List<String> customers = new ArrayList<>();
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            for (int i = 0; i < 12; i++) {
                String c = TestEvents.customer("walk-" + i);
                customers.add(c);
                TestEvents.sendOrder(TestEvents.order(c, Instant.now(), i % 3 == 0 ? "10.00" : "50.00", "20.00"));
            }
            customers.forEach(c -> TierEvents.await(probe, c, 1));
        }

        // pages end inside SSCAN replies (about `size` members each, and empty ones): the cursor
        // carries the place in the reply. Other tests' customers share the sets, so the page size
        // grows with them to keep the walk to some 20 pages.
        long total = Http.get(port, "/api/v1/customers?size=1").json().get("total").asLong();
        int size = (int) Math.min(CustomerController.MAX_PAGE_SIZE, Math.max(2, total / 20));
        List<String> all = walk("/api/v1/customers?size=" + size);
        JsonNode first = Http.get(port, "/api/v1/customers?size=" + size).json();

        assertThat(all).containsAll(customers).doesNotHaveDuplicates().hasSize((int) total);
        assertThat(first.get("items")).hasSize(size);
    }

    @Test
    void summarisesThePortfolio() {
        String customer = TestEvents.customer("portfolio");
        Instant lastMonth = Instant.now().minus(35, ChronoUnit.DAYS);
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            TestEvents.sendOrder(TestEvents.order(customer, lastMonth, "5000.00", "1000.00"));
            TierEvents.await(probe, customer, 1);
        }

        JsonNode body = Http.portfolio(port, io.tierwatch.testsupport.Tokens.client("reader"),
                p -> p.get("profitabilityMap").toString().contains(customer));

        assertThat(body.get("customers").asInt()).isPositive();
        assertThat(body.get("tiers").get("A").asLong()).isPositive();
        assertThat(body.get("whaleCurve")).hasSize(Math.min(PortfolioCalculator.WHALE_POINTS,
                body.get("customers").asInt()));
        assertThat(body.get("arpuByMonth").toString()).contains(lastMonth.toString().substring(0, 7));
        assertThat(body.get("profitabilityMap").toString()).contains(customer);
        assertThat(body.get("mapComplete").asBoolean()).isTrue();
        assertThat(Instant.parse(body.get("asOf").asString())).isBefore(Instant.now());
    }

    @Test
    void answersUnknownCustomersAndBadParametersWithProblemDetails() {
        Http.Reply missing = Http.get(port, "/api/v1/customers/nobody-" + System.nanoTime());
        Http.Reply badTier = Http.get(port, "/api/v1/customers?tier=E");
        Http.Reply badSize = Http.get(port, "/api/v1/customers?size=0");
        Http.Reply badCursor = Http.get(port, "/api/v1/customers?cursor=page-2");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(badTier.status()).isEqualTo(400);
        assertThat(badTier.contentType()).startsWith("application/problem+json");
        assertThat(badTier.body()).contains("tier");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().get("detail").asString()).contains("size");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("detail").asString()).contains("cursor");
    }

    /** Every customer id a list gives, following {@code next} to its last page. */
    private List<String> walk(String query) {
        List<String> ids = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = Http.get(port, query + (next == null ? "" : "&cursor=" + next)).json();
            page.get("items").forEach(item -> ids.add(item.get("customerId").asString()));
            next = page.get("next").isNull() ? null : page.get("next").asString();
            // every page but the last is full, and the last is not empty (next is null exactly after the last customer)
            if (next != null) {
                assertThat(page.get("items")).hasSize(page.get("size").asInt());
            } else if (page.get("total").asLong() > 0) {
                assertThat(page.get("items")).isNotEmpty();
            }
        } while (next != null);
        return ids;
    }
}
