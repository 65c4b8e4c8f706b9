package io.tierwatch.order.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Money;

/** The sales row rules, through the shipped mappings as order-service.yml defines them, and a few of a user's own. */
class SalesRowParserTest {

    private static final List<String> UCI_HEADER = List.of("InvoiceNo", "StockCode", "Description", "Quantity",
            "InvoiceDate", "UnitPrice", "CustomerID", "Country");

    private final SalesRowParser uci = new SalesRowParser(ShippedMappings.get("uci-online-retail"), UCI_HEADER,
            Instant.MAX);

    private RowResult parse(String csv) {
        return uci.parse("f.csv", 7, Arrays.asList(csv.split(",", -1)));
    }

    @Test
    void readsAUciSaleInUkLocalTimeInPoundsWithTheCustomerIdAsAWholeNumber() {
        SalesRow row = ((RowResult.Valid) parse("536365,85123A,HEART,6,2011-06-01 08:26:00,2.55,17850.0,UK")).row();

        assertThat(ShippedMappings.get("uci-online-retail").currency()).isEqualTo("GBP");
        assertThat(row.customerId()).isEqualTo("17850");
        // British Summer Time: 08:26 in London is 07:26 UTC
        assertThat(row.time()).isEqualTo(Instant.parse("2011-06-01T07:26:00Z"));
        assertThat(row.unitPrice()).isEqualTo(Money.parse("2.55"));
        // no cost in the data: 60 % of the price, half up: 1.53
        assertThat(row.unitCost()).isEqualTo(Money.parse("1.53"));
        assertThat(row.eventId()).isEqualTo("order-placed:536365");
        assertThat(row.line()).isEqualTo(7);
    }

    @Test
    void readsACancellationAsAReturnOfPositiveQuantity() {
        SalesRow row = ((RowResult.Valid) parse("C536379,D,Discount,-2,2010-12-01 09:41:00,27.50,14527.0,UK")).row();

        assertThat(row.returned()).isTrue();
        assertThat(row.quantity()).isEqualTo(2);
        assertThat(row.eventId()).isEqualTo("lines-returned:C536379");
    }

    @Test
    void readsACdnowPurchaseAsOneOrderAtItsLineTotalNumberedByTheCustomersDay() {
        ImportMapping cdnow = ShippedMappings.get("cdnow");
        SalesRowParser parser = new SalesRowParser(cdnow, List.of("customer_id", "date", "number_of_cds",
                "dollar_value"), Instant.MAX);

        SalesRow first = valid(parser.parse("cdnow.txt", 3, List.of("00002", "19970112", "1", "12.00")));
        SalesRow second = valid(parser.parse("cdnow.txt", 4, List.of("00002", "19970112", "5", "77.00")));

        assertThat(cdnow.currency()).isEqualTo("USD");
        assertThat(first.eventId()).isEqualTo("order-placed:00002-19970112-1");
        assertThat(second.eventId()).isEqualTo("order-placed:00002-19970112-2");
        // five CDs for 77.00: one line at the line's total, 70 % of it as cost
        assertThat(second.quantity()).isEqualTo(1);
        assertThat(second.unitPrice()).isEqualTo(Money.parse("77.00"));
        assertThat(second.unitCost()).isEqualTo(Money.parse("53.90"));
        // a date without a time is noon in New York: the same day in UTC
        assertThat(second.time()).isEqualTo(Instant.parse("1997-01-12T17:00:00Z"));
    }

    @Test
    void rejectsARowDatedAfterTheLatestAcceptedTime() {
        SalesRowParser upToNow = new SalesRowParser(ShippedMappings.get("uci-online-retail"), UCI_HEADER,
                Instant.parse("2026-12-02T10:00:00Z"));

        RowResult future = upToNow.parse("f.csv", 9, Arrays.asList("536365,85123A,HEART,6,3000-01-01 08:26:00,2.55,17850.0,UK".split(",")));
        RowResult past = upToNow.parse("f.csv", 10, Arrays.asList("536365,85123A,HEART,6,2026-12-02 09:59:00,2.55,17850.0,UK".split(",")));

        assertThat(future).isInstanceOf(RowResult.Rejected.class);
        assertThat(((RowResult.Rejected) future).reason()).startsWith("InvoiceDate is 3000-01-01T08:26:00Z, in the future");
        assertThat(past).isInstanceOf(RowResult.Valid.class);
    }

    @Test
    void skipsARowWithoutCustomer() {
        assertThat(parse("536414,22139,X,56,2010-12-01 11:52:00,0.0,,UK")).isInstanceOf(RowResult.Skipped.class);
    }

    @Test
    void keepsAFreeLineAsASaleAtZero() {
        SalesRow row = valid(parse("536414,22139,X,56,2010-12-01 11:52:00,0.0,12583.0,UK"));

        assertThat(row.unitPrice()).isEqualTo(Money.ZERO);
    }

    @Test
    void rejectsWhatCannotBeCarriedExactlyOrIsNotASaleOrReturn() {
        assertThat(reason("550193,PADS,X,1,2011-04-15 09:27:00,0.001,13952.0,UK")).contains("UnitPrice 0.001");
        assertThat(reason("536589,21777,X,-10,2010-12-01 16:50:00,1.0,12583.0,UK")).contains("must be positive");
        assertThat(reason("C536379,D,X,1,2010-12-01 09:41:00,27.5,14527.0,UK")).contains("must be negative");
        assertThat(reason("536365,85123A,X,six,2010-12-01 08:26:00,2.55,17850.0,UK")).contains("Quantity 'six'");
        assertThat(reason("536365,85123A,X,6,yesterday,2.55,17850.0,UK")).contains("InvoiceDate 'yesterday'");
        assertThat(reason("536365,85123A,X,6,2010-12-01 08:26:00,-2.55,17850.0,UK")).contains("negative");
        assertThat(reason("536365,85123A,X,6,2010-12-01 08:26:00,2.55,{17850},UK")).contains("CustomerID");
    }

    @Test
    void acceptsTrailingZerosBeyondTheMinorUnit() {
        assertThat(valid(parse("536365,85123A,X,6,2010-12-01 08:26:00,2.5500,17850.0,UK")).unitPrice())
                .isEqualTo(Money.parse("2.55"));
    }

    @Test
    void readsAnExportWithDecimalCommasGroupedThousandsAndReturnsAsNegativeLines() {
        ImportMapping erp = new MappingSpec("delimited", ";", true, Map.of("order", "Beleg", "customer", "Kunde",
                "time", "Datum", "sku", "Artikel", "quantity", "Menge", "unit-price", "Preis", "unit-cost", "EK"),
                "dd.MM.yyyy HH:mm", "Europe/Berlin", ",", ".", "negative", null, "column", null, "EUR").resolve("erp");
        SalesRowParser parser = new SalesRowParser(erp, List.of("Beleg", "Kunde", "Datum", "Artikel", "Menge", "Preis",
                "EK"), Instant.MAX);

        SalesRow sale = valid(parser.parse("erp.csv", 2, List.of("R-1", "K7", "02.01.2025 09:30", "A1", "3", "1.234,50",
                "800,25")));
        SalesRow back = valid(parser.parse("erp.csv", 3, List.of("R-1", "K7", "03.01.2025 10:00", "A1", "-1", "1.234,50",
                "800,25")));

        assertThat(sale.unitPrice()).isEqualTo(Money.parse("1234.50"));
        assertThat(sale.unitCost()).isEqualTo(Money.parse("800.25"));
        assertThat(sale.time()).isEqualTo(Instant.parse("2025-01-02T08:30:00Z"));
        assertThat(back.returned()).isTrue();
        assertThat(back.quantity()).isEqualTo(1);
        assertThat(back.eventId()).isEqualTo("lines-returned:R-1");
        assertThat(valid(parser.parse("erp.csv", 4, List.of("R-2", "K7", "03.01.2025 10:00", "A1", "1", "2,5", "1")))
                .unitPrice()).isEqualTo(Money.parse("2.50"));
    }

    @Test
    void readsAFixedWidthFileWithoutHeaderByCharacterRanges() {
        ImportMapping fixed = new MappingSpec("fixed", null, false, Map.of("customer", "2-6", "time", "8-15",
                "quantity", "17-18", "line-amount", "20-26"), "yyyyMMdd", "UTC", null, null, null, null, "ratio",
                new BigDecimal("0.5"), "USD").resolve("fixed");
        SalesRowParser parser = new SalesRowParser(fixed, null, Instant.MAX);

        SalesRow row = valid(parser.parse("f.txt", 1, List.of(" 00001 19970101  1   11.77")));

        assertThat(row.customerId()).isEqualTo("00001");
        assertThat(row.unitPrice()).isEqualTo(Money.parse("11.77"));
        // 11.77 × 0.5 = 5.885, half up
        assertThat(row.unitCost()).isEqualTo(Money.parse("5.89"));
    }

    @Test
    void refusesANegativeLineWhenTheMappingKnowsNoReturns() {
        SalesRowParser parser = new SalesRowParser(ShippedMappings.get("cdnow"), List.of("customer_id", "date",
                "number_of_cds", "dollar_value"), Instant.MAX);

        RowResult result = parser.parse("cdnow.txt", 5, List.of("00003", "19970102", "2", "-20.76"));

        assertThat(((RowResult.Rejected) result).reason()).isEqualTo(
                "dollar_value -20.76 is negative, and mapping 'cdnow' recognises no returns");
    }

    @Test
    void refusesAHeaderWithoutTheColumnsItNeeds() {
        assertThatThrownBy(() -> new SalesRowParser(ShippedMappings.get("uci-online-retail"),
                List.of("InvoiceNo", "Quantity"), Instant.MAX)).hasMessageContaining("StockCode");
    }

    @Test
    void refusesAMappingThatCannotWorkWithTheReason() {
        assertThatThrownBy(() -> new MappingSpec(null, null, null, Map.of("customer", "Kunde"), null, null, null, null,
                null, null, null, new BigDecimal("0.5"), null).resolve("mine"))
                .hasMessage("mapping 'mine' names no column for time");
        assertThatThrownBy(() -> new MappingSpec(null, null, null, Map.of("customer", "a", "time", "b",
                "unit-price", "c", "colour", "d"), null, null, null, null, null, null, null, null, null).resolve("mine"))
                .hasMessageContaining("unknown field 'colour'");
        assertThatThrownBy(() -> new MappingSpec(null, null, null, Map.of("customer", "a", "time", "b",
                "unit-price", "c"), "yyyy-MM-dd bb", null, null, null, null, null, null, new BigDecimal("0.5"), null)
                .resolve("mine")).hasMessageContaining("date-format");
    }

    private static SalesRow valid(RowResult result) {
        assertThat(result).isInstanceOf(RowResult.Valid.class);
        return ((RowResult.Valid) result).row();
    }

    private String reason(String csv) {
        RowResult result = parse(csv);
        assertThat(result).isInstanceOf(RowResult.Rejected.class);
        return ((RowResult.Rejected) result).reason();
    }
}
