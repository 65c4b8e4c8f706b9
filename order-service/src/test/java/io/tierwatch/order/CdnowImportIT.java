package io.tierwatch.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.Topics;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Imports the CDNOW master file (69,659 purchases, whitespace-separated, no order numbers)
 * through the shipped {@code cdnow} mapping, into a deployment whose base currency is USD, and
 * compares every customer's orders, revenue and cost with sums computed here from the file with
 * BigDecimal: revenue is the dollar value, cost 70 % of it rounded half up to the cent. Every
 * build imports its first 10,000 rows (the file is sorted by customer, so these are the whole
 * histories of the first customers); {@code -Dtierwatch.dataset=full} imports all of it.
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = {"spring.config.name=order-service", "tierwatch.currency=USD"},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CdnowImportIT {

    private static final BigDecimal COST_RATIO = new BigDecimal("0.7");

    @LocalServerPort
    int port;

    /** Per customer: orders, revenue and cost in cents. */
    private record Totals(long orders, long revenue, long cost) {
        Totals plus(Totals other) {
            return new Totals(orders + other.orders, revenue + other.revenue, cost + other.cost);
        }
    }

    private static final int SLICE = 10_000;

    @Test
    void importsEveryCdnowPurchaseAsAnOrderWithTheCustomersTotalsOfTheFile() throws IOException {
        Path whole = file().orElse(null);
        assumeTrue(whole != null, "CDNOW_master.txt is not beside the repository (set -Dtierwatch.cdnow)");
        boolean full = "full".equals(System.getProperty("tierwatch.dataset"));
        Path file = full ? whole : slice(whole);
        Map<String, Totals> expected = expected(file);
        long purchases = expected.values().stream().mapToLong(Totals::orders).sum();
        try (KafkaProbe probe = KafkaProbe.watching(Topics.ORDERS)) {
            Http http = new Http(port);
            JsonNode status = Imports.finished(http, http.postFiles("/api/v1/imports?mapping=cdnow", List.of(file)),
                    Duration.ofMinutes(10));

            assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("DONE");
            assertThat(status.get("currency").asString()).isEqualTo("USD");
            assertThat(status.get("rowsRead").asLong()).isEqualTo(purchases);
            assertThat(status.get("rowsRejected").asLong()).isZero();
            Map<String, Totals> imported = new HashMap<>();
            probe.await((int) purchases, r -> r.headers().lastHeader(CloudEventsKafka.ID) != null
                    && new String(r.headers().lastHeader(CloudEventsKafka.ID).value()).matches("order-placed:\\d{5}-\\d{8}-\\d+"),
                    Duration.ofMinutes(5)).forEach(record -> {
                        OrderPlaced order = CloudEventsKafka.fromRecord(record).dataAs(OrderPlaced.class);
                        assertThat(order.currency()).isEqualTo("USD");
                        imported.merge(order.customerId(), new Totals(1, order.revenue().minorUnits(),
                                order.costOfGoods().minorUnits()), Totals::plus);
                    });
            assertThat(imported).hasSize(full ? 23_570 : expected.size()).isEqualTo(expected);
            System.out.printf("CDNOW import: %d rows, %s rows/s%n", purchases, status.get("rowsPerSecond").asString());
        }
    }

    /** The file, split on whitespace and summed per customer, apart from the product's code. */
    private static Map<String, Totals> expected(Path file) throws IOException {
        Map<String, Totals> expected = new HashMap<>();
        try (Stream<String> lines = Files.lines(file)) {
            lines.skip(1).map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
                String[] f = line.split("\\s+");
                BigDecimal dollars = new BigDecimal(f[3]);
                long cost = dollars.multiply(COST_RATIO).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
                expected.merge(f[0], new Totals(1, dollars.movePointRight(2).longValueExact(), cost), Totals::plus);
            });
        }
        return expected;
    }

    /** The header and the first rows, CRLF kept, under the file's own name. */
    private static Path slice(Path whole) throws IOException {
        Path slice = Files.createTempDirectory("cdnow-").resolve(whole.getFileName());
        try (Stream<String> lines = Files.lines(whole)) {
            Files.writeString(slice, String.join("\r\n", lines.limit(SLICE + 1L).toList()) + "\r\n");
        }
        return slice;
    }

    private static Optional<Path> file() {
        return Stream.of(System.getProperty("tierwatch.cdnow"), "../../shared/datasets/CDNOW_master.txt",
                "../shared/datasets/CDNOW_master.txt").filter(java.util.Objects::nonNull).map(Path::of)
                .filter(Files::isRegularFile).findFirst();
    }
}
