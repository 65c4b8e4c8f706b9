package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.EventType;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ServiceTicketClosed;
import io.tierwatch.contracts.Topics;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;

@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = "spring.config.name=order-service", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderIngestionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void publishesAnOrderAsACloudEventKeyedByItsCustomer() {
        String customer = Orders.unique("cust");
        String orderId = Orders.unique("ord");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            Http.Response response = new Http(port).post("/api/v1/orders", Orders.order(orderId, customer));

            assertThat(response.status()).isEqualTo(202);
            assertThat(response.json().get("eventId").asString()).isEqualTo("order-placed:" + orderId);
            var record = probe.await(1, r -> customer.equals(r.key()), WAIT).get(0);
            EventEnvelope<?> event = CloudEventsKafka.fromRecord(record);
            assertThat(event.id()).isEqualTo("order-placed:" + orderId);
            assertThat(event.type()).isEqualTo(EventType.ORDER_PLACED);
            assertThat(event.source()).hasToString("/tierwatch/order-service");
            assertThat(event.subject()).isEqualTo(customer);
            OrderPlaced order = event.dataAs(OrderPlaced.class);
            assertThat(order.occurredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
            assertThat(order.revenue()).isEqualTo(Money.parse("127.97"));
            assertThat(order.costOfGoods()).isEqualTo(Money.parse("76.10"));
        }
    }

    @Test
    void rejectsABadBodyNamingEachFieldAndPublishesNothing() {
        String customer = Orders.unique("cust");
        String bad = Orders.order(Orders.unique("ord"), customer).replace("\"EUR\"", "\"USD\"")
                .replace("\"quantity\":10", "\"quantity\":-1").replace("\"12.50\"", "\"12.505\"");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            Http.Response response = new Http(port).post("/api/v1/orders", bad);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("currency", "lines[0].quantity", "lines[0].unitPrice");
            // a valid order for the same customer afterwards is the only record the customer gets
            String sentinel = Orders.unique("ord");
            assertThat(new Http(port).post("/api/v1/orders", Orders.order(sentinel, customer)).status()).isEqualTo(202);
            probe.await(1, r -> customer.equals(r.key()), WAIT);
            assertThat(probe.events(Topics.ORDERS)).filteredOn(e -> customer.equals(e.subject()))
                    .extracting(EventEnvelope::id).containsExactly("order-placed:" + sentinel);
        }
    }

    @Test
    void rejectsACurrencyOtherThanTheBaseCurrency() {
        assertRejectedNaming(Orders.order(Orders.unique("ord"), Orders.unique("cust")).replace("\"EUR\"", "\"USD\""),
                "currency");
    }

    @Test
    void namesTheFieldOfAValueThatIsNotReadable() {
        assertRejectedNaming(Orders.order(Orders.unique("ord"), Orders.unique("cust"))
                .replace("2026-03-01T10:00:00Z", "yesterday"), "occurredAt");
    }

    private void assertRejectedNaming(String body, String... fields) {
        Http.Response response = new Http(port).post("/api/v1/orders", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(fields);
    }

    @Test
    void publishesAClosedServiceTicket() {
        String customer = Orders.unique("cust");
        String ticketId = Orders.unique("tkt");
        try (KafkaProbe probe = KafkaProbe.watching(Topics.SERVICE_TICKETS)) {
            Http.Response response = new Http(port).post("/api/v1/service-tickets", Orders.ticket(ticketId, customer));

            assertThat(response.status()).isEqualTo(202);
            var event = CloudEventsKafka.fromRecord(probe.await(1, r -> customer.equals(r.key()), WAIT).get(0));
            assertThat(event.id()).isEqualTo("ticket-closed:" + ticketId);
            ServiceTicketClosed ticket = event.dataAs(ServiceTicketClosed.class);
            assertThat(ticket.netCostToServe()).isEqualTo(Money.parse("165.00"));
        }
    }

    @Test
    void rejectsACustomerIdThatCannotBeAKeyAndANamelessCustomer() {
        Http.Response response = new Http(port).put("/api/v1/customers/bad%7Bid%7D", "{\"ownerRepId\":\"rep 1\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("customerId", "name", "ownerRepId");
    }

    @Test
    void publishesCustomerMasterDataAndServesWhatIsCurrent() {
        String customer = Orders.unique("cust");
        Http http = new Http(port);
        try (KafkaProbe probe = KafkaProbe.watching(Topics.CUSTOMERS)) {
            assertThat(http.get("/api/v1/customers/" + customer).status()).isEqualTo(404);
            assertThat(http.put("/api/v1/customers/" + customer,
                    "{\"name\":\"Acme\",\"ownerRepId\":\"rep-1\",\"customerSince\":\"2020-01-15\",\"strategic\":false}")
                    .status()).isEqualTo(202);
            assertThat(http.put("/api/v1/customers/" + customer,
                    "{\"name\":\"Acme GmbH\",\"ownerRepId\":\"rep-2\",\"customerSince\":\"2020-01-15\",\"strategic\":true}")
                    .status()).isEqualTo(202);

            var events = probe.await(2, r -> customer.equals(r.key()), WAIT);
            CustomerUpserted last = CloudEventsKafka.fromRecord(events.get(1)).dataAs(CustomerUpserted.class);
            assertThat(last.ownerRepId()).isEqualTo("rep-2");
            Http.Response current = http.get("/api/v1/customers/" + customer);
            assertThat(current.status()).isEqualTo(200);
            assertThat(current.json().get("name").asString()).isEqualTo("Acme GmbH");
            assertThat(current.json().get("strategic").asBoolean()).isTrue();
        }
    }
}
