package io.tierwatch.bench.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ReturnedLine;

/**
 * The UCI Online Retail by-day files as events in time order: an invoice is an OrderPlaced, a
 * {@code C} invoice an OrderLinesReturned. Rows without a customer, stock adjustments (negative
 * quantity on a normal invoice) and negative prices (bad-debt adjustments) carry no customer
 * money and are left out; prices are rounded to the cent. Cost of goods is {@value CdnowReplay#COST_PERCENT}% of the price.
 */
final class RetailReplay {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RetailReplay() {
    }

    static List<EventEnvelope<?>> read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (Path file : files) {
            Invoice open = null;
            List<String> rows = Files.readAllLines(file);
            for (String line : rows.subList(1, rows.size())) {
                List<String> f = Csv.fields(line);
                if (f.size() < 8 || f.get(6).isEmpty() || f.get(5).startsWith("-")) {
                    continue;
                }
                boolean cancel = f.get(0).startsWith("C");
                long quantity = Long.parseLong(f.get(3));
                if (!cancel && quantity <= 0) {
                    continue;
                }
                if (open == null || !open.number.equals(f.get(0))) {
                    open = flush(open, events);
                    open = new Invoice(f.get(0), "retail-" + f.get(6).replaceFirst("\\.0$", ""),
                            LocalDateTime.parse(f.get(4), TIME).toInstant(ZoneOffset.UTC), cancel);
                }
                open.add(f.get(1), Math.abs(quantity), cents(f.get(5)));
            }
            flush(open, events);
        }
        return events;
    }

    /** A few prices of the full year have a third decimal (0.001): rounded half up to the cent. */
    static long cents(String price) {
        return new BigDecimal(price).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }

    private static Invoice flush(Invoice invoice, List<EventEnvelope<?>> events) {
        if (invoice != null) {
            events.add(invoice.event());
        }
        return null;
    }

    private static final class Invoice {
        final String number;
        final String customer;
        final Instant time;
        final boolean cancel;
        final List<OrderLine> lines = new ArrayList<>();
        final List<ReturnedLine> returned = new ArrayList<>();

        Invoice(String number, String customer, Instant time, boolean cancel) {
            this.number = number;
            this.customer = customer;
            this.time = time;
            this.cancel = cancel;
        }

        void add(String sku, long quantity, long unitPrice) {
            String code = sku.isEmpty() ? "none" : sku;
            long cost = unitPrice * CdnowReplay.COST_PERCENT / 100;
            if (cancel) {
                returned.add(new ReturnedLine(code, quantity, Money.ofMinor(unitPrice * quantity), Money.ofMinor(cost * quantity)));
            } else {
                lines.add(new OrderLine(code, quantity, Money.ofMinor(unitPrice), Money.ofMinor(cost), Money.ZERO));
            }
        }

        EventEnvelope<?> event() {
            String id = "retail-" + number;
            Object data = cancel
                    ? new OrderLinesReturned(id, null, customer, time, EventFactory.CURRENCY, returned, Money.ZERO)
                    : new OrderPlaced(id, customer, time, EventFactory.CURRENCY, lines, Money.ZERO);
            return EventEnvelope.of(id, SyntheticStream.SOURCE, time, customer, data);
        }
    }
}
