package io.tierwatch.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderPlaced;

/**
 * CDNOW_master.txt as OrderPlaced events in purchase-date order (the file is sorted by customer).
 * A row is one order of {@code number_of_cds} units worth {@code dollar_value}: the unit price is
 * rounded up and a discount takes the revenue back to the exact value. Cost of goods is
 * {@value #COST_PERCENT}% of the price (the file has no cost).
 */
final class CdnowReplay {

    static final int COST_PERCENT = 70;

    private CdnowReplay() {
    }

    static List<EventEnvelope<?>> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>(70_000);
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4 && Character.isDigit(f[0].charAt(0))) {
                rows.add(f);
            }
        }
        rows.sort(Comparator.comparing(f -> f[1])); // stable: same-day orders keep the file's order
        List<EventEnvelope<?>> events = new ArrayList<>(rows.size());
        DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i);
            String customer = "cdnow-" + f[0];
            var time = LocalDate.parse(f[1], yyyymmdd).atStartOfDay().toInstant(ZoneOffset.UTC);
            long quantity = Long.parseLong(f[2]);
            long value = Money.parse(f[3]).minorUnits();
            long unit = (value + quantity - 1) / quantity;
            OrderLine line = new OrderLine("cd", quantity, Money.ofMinor(unit), Money.ofMinor(unit * COST_PERCENT / 100),
                    Money.ofMinor(unit * quantity - value));
            String id = "cdnow-" + i;
            events.add(EventEnvelope.of(id, SyntheticStream.SOURCE, time, customer,
                    new OrderPlaced(id, customer, time, EventFactory.CURRENCY, List.of(line), Money.ZERO)));
        }
        return events;
    }
}
