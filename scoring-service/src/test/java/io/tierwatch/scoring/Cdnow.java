package io.tierwatch.scoring;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderPlaced;

/**
 * The CDNOW master dataset (fixed width, CRLF: {@code customer_id date number_of_cds dollar_value}),
 * read with {@code BigDecimal} independently of {@link Money}. Cost of goods is a documented 70% of
 * each purchase's value, rounded half up to the cent, since the dataset has none.
 */
public final class Cdnow {

    public static final Path DATA = Path.of(System.getProperty("tierwatch.cdnow",
            "../../shared/datasets/CDNOW_master.txt"));
    public static final BigDecimal COST_RATIO = new BigDecimal("0.70");
    public static final int ROWS = 69_659;
    public static final int CUSTOMERS = 23_570;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    public record Purchase(int line, String customerId, LocalDate date, int cds, BigDecimal dollars) {
    }

    private Cdnow() {
    }

    public static boolean available() {
        return Files.exists(DATA);
    }

    /**
     * Every row, or the first {@code -Dtierwatch.cdnow.rows=N} while iterating (rows are sorted by
     * customer, so a prefix is the complete history of the first customers). Ids get the prefix.
     */
    public static List<Purchase> purchases(String prefix) throws IOException {
        int limit = Integer.getInteger("tierwatch.cdnow.rows", Integer.MAX_VALUE);
        List<Purchase> purchases = new ArrayList<>();
        List<String> lines = Files.readAllLines(DATA);
        for (int i = 1; i < lines.size() && purchases.size() < limit; i++) {
            String[] f = lines.get(i).strip().split("\\s+");
            purchases.add(new Purchase(i, prefix + f[0], LocalDate.parse(f[1], DATE), Integer.parseInt(f[2]),
                    new BigDecimal(f[3])));
        }
        return purchases;
    }

    /** Per customer: {lifetime revenue in cents, purchases}, summed from the file. */
    public static Map<String, long[]> expected(List<Purchase> purchases) {
        Map<String, long[]> expected = new TreeMap<>();
        for (Purchase p : purchases) {
            long[] sums = expected.computeIfAbsent(p.customerId(), id -> new long[2]);
            sums[0] += p.dollars().movePointRight(2).longValueExact();
            sums[1]++;
        }
        return expected;
    }

    /** A purchase as an order of one line: the basket of CDs at its recorded value. */
    public static OrderPlaced order(Purchase p) {
        Money value = Money.ofMinor(p.dollars().movePointRight(2).longValueExact());
        Money cost = Money.ofMinor(p.dollars().multiply(COST_RATIO).setScale(2, RoundingMode.HALF_UP)
                .movePointRight(2).longValueExact());
        return new OrderPlaced("cdnow-" + p.line(), p.customerId(), p.date().atTime(12, 0).toInstant(ZoneOffset.UTC),
                "EUR", List.of(new OrderLine("cds-x" + p.cds(), 1, value, cost, null)), null);
    }
}
