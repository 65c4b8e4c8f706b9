package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ServiceTicketClosed;
import io.tierwatch.contracts.Topics;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;

/**
 * The imports beyond the default layout, against the real broker and Redis: a mapping sent with
 * the upload, the currency rule, customer master data, service tickets, and statuses that stay
 * listable and outlive the instance that ran them.
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = "spring.config.name=order-service", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportKindsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Test
    void refusesAnUploadInAnotherCurrencyThanTheBaseOneBeforeQueueingIt() {
        Http http = new Http(port);

        // the shipped Online Retail mapping says GBP; this deployment's base currency is EUR
        Http.Response refused = http.postCsv("/api/v1/imports", "InvoiceNo\n");
        Http.Response stated = http.postCsv("/api/v1/imports?currency=usd", "InvoiceNo\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("the upload is in GBP, and this deployment's base currency is EUR");
        assertThat(stated.status()).isEqualTo(400);
        assertThat(stated.body()).contains("the upload is in USD");
        assertThat(http.postCsv("/api/v1/imports?mapping=sap&currency=EUR", "x\n").body())
                .contains("no mapping 'sap'", "cdnow", "uci-online-retail");
    }

    @Test
    void readsAnUploadThroughTheMappingSentWithIt() {
        String order = Orders.unique("erp");
        String customer = Orders.unique("k");
        String mapping = """
                {"delimiter": ";", "columns": {"order": "Beleg", "customer": "Kunde", "time": "Datum",
                 "sku": "Artikel", "quantity": "Menge", "unit-price": "Preis", "unit-cost": "EK"},
                 "dateFormat": "dd.MM.yyyy HH:mm", "zone": "Europe/Berlin", "decimalSeparator": ",",
                 "groupingSeparator": ".", "returns": "negative", "cost": "column", "currency": "EUR"}""";
        String file = """
                Beleg;Kunde;Datum;Artikel;Menge;Preis;EK
                %1$s;%2$s;02.01.2025 09:30;A1;3;1.234,50;800,25
                %1$s;%2$s;02.01.2025 09:30;A2;1;10,00;4,00
                %1$s;%2$s;03.01.2025 10:00;A1;-1;1.234,50;800,25
                """.formatted(order, customer);
        Http http = new Http(port);
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            JsonNode status = Imports.finished(http, http.postParts("/api/v1/imports", List.of(
                    new Http.Part("mapping", null, "application/json", mapping),
                    new Http.Part("file", "belege.csv", "text/csv", file))), WAIT);

            assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("DONE");
            assertThat(status.get("mapping").asString()).isEqualTo("upload");
            assertThat(status.get("ordersPublished").asLong()).isEqualTo(1);
            assertThat(status.get("returnsPublished").asLong()).isEqualTo(1);
            List<EventEnvelope<?>> events = probe.await(2, r -> customer.equals(r.key()), WAIT).stream()
                    .<EventEnvelope<?>>map(io.tierwatch.contracts.CloudEventsKafka::fromRecord).toList();
            OrderPlaced placed = events.stream().map(EventEnvelope::data).filter(OrderPlaced.class::isInstance)
                    .map(OrderPlaced.class::cast).findFirst().orElseThrow();
            assertThat(placed.revenue()).isEqualTo(Money.parse("3713.50"));
            assertThat(placed.costOfGoods()).isEqualTo(Money.parse("2404.75"));
            assertThat(placed.currency()).isEqualTo("EUR");
            assertThat(events).extracting(EventEnvelope::id)
                    .containsExactlyInAnyOrder("order-placed:" + order, "lines-returned:" + order);
            assertThat(events.stream().filter(e -> e.id().startsWith("lines-returned")).findFirst().orElseThrow()
                    .dataAs(OrderLinesReturned.class).revenueChange()).isEqualTo(Money.parse("-1234.50"));
        }
    }

    @Test
    void importsCustomerMasterDataWithOwnersAndAuditsTheOwnerChange() {
        String a = Orders.unique("ca");
        String b = Orders.unique("cb");
        String file = """
                customerId,name,ownerRepId,customerSince,strategic
                %s,"Acme, Ltd",rep-a,2021-03-01,yes
                %s,Beta GmbH,,,
                %s,,rep-a,2021-03-01,no
                """.formatted(a, b, Orders.unique("cc"));
        Http http = new Http(port);
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMERS)) {
            JsonNode status = Imports.finished(http, http.postCsv("/api/v1/imports/customers", file), WAIT);

            assertThat(status.get("kind").asString()).isEqualTo("CUSTOMERS");
            assertThat(status.get("customersPublished").asLong()).isEqualTo(2);
            assertThat(status.get("rowsRejected").asLong()).isEqualTo(1);
            assertThat(status.get("rejections").get(0).get("line").asLong()).isEqualTo(4);
            assertThat(status.get("rejections").get(0).get("reason").asString()).contains("name");
            CustomerUpserted acme = probe.await(1, r -> a.equals(r.key()), WAIT).stream()
                    .map(r -> io.tierwatch.contracts.CloudEventsKafka.fromRecord(r).dataAs(CustomerUpserted.class))
                    .findFirst().orElseThrow();
            assertThat(acme.name()).isEqualTo("Acme, Ltd");
            assertThat(acme.strategic()).isTrue();
            assertThat(acme.customerSince()).hasToString("2021-03-01");
        }
        assertThat(http.get("/api/v1/customers/" + a).json().get("ownerRepId").asString()).isEqualTo("rep-a");
        JsonNode changes = http.get("/api/v1/customers/" + a + "/owner-changes").json();
        assertThat(changes.get(0).get("to").asString()).isEqualTo("rep-a");
        assertThat(changes.get(0).get("changedBy").asString()).isEqualTo("everything");

        JsonNode again = Imports.finished(http, http.postCsv("/api/v1/imports/customers", file), WAIT);

        assertThat(again.get("customersPublished").asLong()).isZero();
        assertThat(again.get("eventsDuplicate").asLong()).isEqualTo(2);
    }

    @Test
    void importsServiceTicketsInTheStatedCurrency() {
        String customer = Orders.unique("t");
        String ticket = Orders.unique("tk");
        String file = """
                ticketId,customerId,occurredAt,labourMinutes,labourRatePerHour,partsCost,travelCost,expedited,currency
                %1$s,%2$s,2025-03-01T10:15:00Z,240,90.00,200.00,50.00,true,EUR
                %1$s-2,%2$s,2025-03-02T10:15:00Z,an hour,90.00,,,,EUR
                %1$s-3,%2$s,2025-03-02T10:15:00Z,60,90.00,,,,GBP
                """.formatted(ticket, customer);
        Http http = new Http(port);
        assertThat(http.postCsv("/api/v1/imports/service-tickets", file).body()).contains("state the currency");

        try (KafkaProbe probe = KafkaProbe.watching(Topics.SERVICE_TICKETS)) {
            JsonNode status = Imports.finished(http, http.postCsv("/api/v1/imports/service-tickets?currency=EUR", file),
                    WAIT);

            assertThat(status.get("ticketsPublished").asLong()).isEqualTo(1);
            assertThat(status.get("rejections")).extracting(r -> r.get("reason").asString())
                    .containsExactly("labourMinutes 'an hour' is not a whole number",
                            "currency GBP is not the upload's currency EUR");
            EventEnvelope<?> event = io.tierwatch.contracts.CloudEventsKafka.fromRecord(
                    probe.await(1, r -> customer.equals(r.key()), WAIT).get(0));
            assertThat(event.id()).isEqualTo("ticket-closed:" + ticket);
            // 4 h at 90.00, parts 200.00, travel 50.00: 610.00, as the README's walkthrough
            assertThat(event.dataAs(ServiceTicketClosed.class).netCostToServe()).isEqualTo(Money.parse("610.00"));
        }
    }

    @Test
    void listsImportsNewestFirstAndPagesByTheirTime() {
        Http http = new Http(port);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Imports.finished(http, http.postCsv("/api/v1/imports/customers",
                    "customerId,name\n" + Orders.unique("l") + ",L\n"), WAIT).get("importId").asString());
        }

        JsonNode first = http.get("/api/v1/imports?limit=2").json();
        JsonNode second = http.get("/api/v1/imports?limit=2&before=" + first.get("next").asString()).json();

        assertThat(first.get("imports")).extracting(s -> s.get("importId").asString())
                .containsExactly(ids.get(2), ids.get(1));
        assertThat(second.get("imports").get(0).get("importId").asString()).isEqualTo(ids.get(0));
    }

    @Test
    void keepsStatusesForAnotherInstanceAndFailsOneWhoseInstanceStopped() {
        Http http = new Http(port);
        String done = Imports.finished(http, http.postCsv("/api/v1/imports/customers",
                "customerId,name\n" + Orders.unique("r") + ",R\n"), WAIT).get("importId").asString();
        String orphan = "orphan-" + Orders.unique("o");
        Instant long_ago = Instant.now().minusSeconds(600);
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            // what an instance killed while importing leaves behind: RUNNING, no longer written
            jedis.set("tw:order:import:" + orphan, """
                    {"importId":"%s","kind":"SALES","mapping":"uci-online-retail","currency":"EUR","state":"RUNNING",
                     "files":["big.csv"],"rowsRead":1200,"rejections":[],"submittedAt":"%s","startedAt":"%s",
                     "updatedAt":"%s"}""".formatted(orphan, long_ago, long_ago, long_ago));
            jedis.zadd("tw:order:imports", long_ago.toEpochMilli(), orphan);
        }

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(OrderServiceApplication.class)
                .run("--spring.config.name=order-service", "--server.port=0")) {
            Http other = new Http(Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port")));

            JsonNode kept = other.get("/api/v1/imports/" + done).json();
            JsonNode stopped = other.get("/api/v1/imports/" + orphan).json();

            assertThat(kept.get("state").asString()).isEqualTo("DONE");
            assertThat(kept.get("customersPublished").asLong()).isEqualTo(1);
            assertThat(stopped.get("state").asString()).isEqualTo("FAILED");
            assertThat(stopped.get("rowsRead").asLong()).isEqualTo(1200);
            assertThat(stopped.get("error").asString()).contains("instance running this import stopped");
        }
    }
}
