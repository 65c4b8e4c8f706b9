package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Topics;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import tools.jackson.databind.JsonNode;

@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = "spring.config.name=order-service", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CsvImportIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    private static String csv(String invoice, String customer) {
        return """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                T%1$s,SKU1,"LANTERN, WHITE",2,2010-12-01 08:26:00,2.50,%2$s.0,United Kingdom
                T%1$s,SKU2,X,six,2010-12-01 08:26:00,1.00,%2$s.0,United Kingdom
                N%1$s,SKU1,X,1,2010-12-01 09:00:00,1.00,,United Kingdom
                A%1$s,SKU1,X,-3,2010-12-01 09:00:00,1.00,%2$s.0,United Kingdom
                CT%1$s,SKU1,X,-1,2010-12-02 09:00:00,2.50,%2$s.0,United Kingdom
                """.formatted(invoice, customer);
    }

    @Test
    void reportsBadRowsByLineAndPublishesTheGoodOnes() {
        String invoice = Orders.unique("x").substring(2);
        String customer = String.valueOf(900_000 + (int) (Math.random() * 99_999));
        Http http = new Http(port);
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            JsonNode status = importCsv(http, csv(invoice, customer));

            assertThat(status.get("state").asString()).isEqualTo("DONE");
            assertThat(status.get("rowsRead").asLong()).isEqualTo(5);
            assertThat(status.get("rowsSkipped").asLong()).isEqualTo(1);
            assertThat(status.get("rowsRejected").asLong()).isEqualTo(2);
            assertThat(status.get("rowsPublished").asLong()).isEqualTo(2);
            assertThat(status.get("rejections")).extracting(r -> r.get("line").asLong(),
                    r -> r.get("reason").asString().substring(0, 14)).containsExactly(
                    tuple(3L, "Quantity 'six'"), tuple(5L, "Quantity -3 mu"));
            probe.await(2, r -> customer.equals(r.key()), WAIT);
            assertThat(probe.events(Topics.ORDERS)).filteredOn(e -> customer.equals(e.subject()))
                    .extracting(EventEnvelope::id)
                    .containsExactlyInAnyOrder("order-placed:T" + invoice, "lines-returned:CT" + invoice);
        }
    }

    @Test
    void publishesNothingNewWhenTheSameFileIsImportedAgain() {
        String invoice = Orders.unique("x").substring(2);
        String customer = String.valueOf(800_000 + (int) (Math.random() * 99_999));
        Http http = new Http(port);
        assertThat(importCsv(http, csv(invoice, customer)).get("ordersPublished").asLong()).isEqualTo(1);

        JsonNode again = importCsv(http, csv(invoice, customer));

        assertThat(again.get("ordersPublished").asLong()).isZero();
        assertThat(again.get("returnsPublished").asLong()).isZero();
        assertThat(again.get("eventsDuplicate").asLong()).isEqualTo(2);
        assertThat(again.get("rowsDuplicate").asLong()).isEqualTo(2);
    }

    @Test
    void answers404ForAnImportItDoesNotKnow() {
        assertThat(new Http(port).get("/api/v1/imports/no-such-import").status()).isEqualTo(404);
    }

    /** Synthetic rows in the retail layout, stated to be in the deployment's EUR. */
    private static JsonNode importCsv(Http http, String csv) {
        return Imports.finished(http, http.postCsv("/api/v1/imports?name=sales.csv&currency=EUR", csv), WAIT);
    }
}
