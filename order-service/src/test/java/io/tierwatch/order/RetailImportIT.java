package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.Topics;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Imports the retail data and checks the events against totals computed from the CSV on its own.
 * December 2010 (20 files) runs in every build; the whole dataset (305 files) is opt-in with
 * {@code -Dtierwatch.dataset=full}, and prints the import's rows/s.
 */
@ExtendWith(RealInfrastructure.class)
// the retail data is in pounds: a deployment whose base currency is GBP
@SpringBootTest(properties = {"spring.config.name=order-service", "tierwatch.currency=GBP"}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetailImportIT {

    @LocalServerPort
    int port;

    @Test
    @DisabledIfSystemProperty(named = "tierwatch.dataset", matches = "full")
    void importsDecember2010AsOneEventPerInvoiceWithTheCustomersTotalsOfTheCsv() {
        importAndCheck("2010-12", Duration.ofMinutes(5));
    }

    @Test
    @EnabledIfSystemProperty(named = "tierwatch.dataset", matches = "full")
    void importsTheWholeRetailDatasetAsOneEventPerInvoiceWithTheCustomersTotalsOfTheCsv() {
        importAndCheck("", Duration.ofMinutes(30));
    }

    private void importAndCheck(String filePrefix, Duration timeout) {
        Path folder = RetailDataset.folder().orElse(null);
        assumeTrue(folder != null, "the retail dataset is not beside the repository (set -Dtierwatch.dataset.dir)");
        List<Path> files = RetailDataset.files(folder, filePrefix);
        RetailDataset expected = RetailDataset.read(files);
        Set<String> expectedIds = expectedEventIds(expected);
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            Http http = new Http(port);
            JsonNode status = Imports.finished(http, http.postFiles("/api/v1/imports", files), timeout);

            assertThat(status.get("state").asString()).isEqualTo("DONE");
            assertThat(status.get("mapping").asString()).isEqualTo("uci-online-retail");
            assertThat(status.get("currency").asString()).isEqualTo("GBP");
            assertThat(status.get("rowsRead").asLong()).isEqualTo(expected.rows());
            assertThat(status.get("rowsSkipped").asLong()).isEqualTo(expected.withoutCustomer());
            assertThat(status.get("rowsRejected").asLong()).isEqualTo(expected.subCentPrices());
            assertThat(status.get("ordersPublished").asLong()).isEqualTo(expected.invoices().size());
            assertThat(status.get("returnsPublished").asLong()).isEqualTo(expected.cancellations().size());
            List<EventEnvelope<?>> events = probe.await(expectedIds.size(), r -> expectedIds.contains(idOf(r)), timeout)
                    .stream().<EventEnvelope<?>>map(CloudEventsKafka::fromRecord).toList();
            assertThat(events).extracting(EventEnvelope::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expectedIds);
            assertThat(revenueByCustomer(events)).isEqualTo(inMinorUnits(expected.revenueByCustomer()));
            System.out.printf("retail import of %d files: %d rows in %s to %s, %s rows/s%n", files.size(),
                    status.get("rowsRead").asLong(), status.get("startedAt").asString(),
                    status.get("finishedAt").asString(), status.get("rowsPerSecond").asString());
        }
    }

    private static Set<String> expectedEventIds(RetailDataset expected) {
        return java.util.stream.Stream.concat(expected.invoices().stream().map(i -> "order-placed:" + i),
                expected.cancellations().stream().map(i -> "lines-returned:" + i)).collect(Collectors.toSet());
    }

    private static String idOf(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader(CloudEventsKafka.ID);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, Long> revenueByCustomer(List<EventEnvelope<?>> events) {
        Map<String, Long> revenue = new HashMap<>();
        for (EventEnvelope<?> event : events) {
            Money change = event.data() instanceof OrderPlaced order ? order.revenue()
                    : event.dataAs(OrderLinesReturned.class).revenueChange();
            revenue.merge(event.subject(), change.minorUnits(), Long::sum);
        }
        return revenue;
    }

    private static Map<String, Long> inMinorUnits(Map<String, BigDecimal> amounts) {
        return amounts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().movePointRight(2).longValueExact()));
    }
}
