package io.tierwatch.order.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Money;

class RetailRowParserTest {

    private static final List<String> HEADER = List.of("InvoiceNo", "StockCode", "Description", "Quantity",
            "InvoiceDate", "UnitPrice", "CustomerID", "Country");

    private final RetailRowParser parser = new RetailRowParser(HEADER, ZoneId.of("Europe/London"));

    private RowResult parse(String csv) {
        return parser.parse("f.csv", 7, Arrays.asList(csv.split(",", -1)));
    }

    @Test
    void readsASaleInUkLocalTimeWithTheCustomerIdAsAWholeNumber() {
        RetailRow row = ((RowResult.Valid) parse("536365,85123A,HEART,6,2011-06-01 08:26:00,2.55,17850.0,UK")).row();

        assertThat(row.customerId()).isEqualTo("17850");
        // British Summer Time: 08:26 in London is 07:26 UTC
        assertThat(row.time()).isEqualTo(Instant.parse("2011-06-01T07:26:00Z"));
        assertThat(row.unitPrice()).isEqualTo(Money.parse("2.55"));
        assertThat(row.line()).isEqualTo(7);
    }

    @Test
    void rejectsARowDatedAfterTheLatestAcceptedTime() {
        RetailRowParser upToNow = new RetailRowParser(HEADER, ZoneId.of("UTC"), Instant.parse("2026-12-02T10:00:00Z"));

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
        RetailRow row = ((RowResult.Valid) parse("536414,22139,X,56,2010-12-01 11:52:00,0.0,12583.0,UK")).row();

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
    void refusesAHeaderWithoutTheColumnsItNeeds() {
        assertThatThrownBy(() -> new RetailRowParser(List.of("InvoiceNo", "Quantity"), ZoneId.of("UTC")))
                .hasMessageContaining("StockCode");
    }

    private String reason(String csv) {
        RowResult result = parse(csv);
        assertThat(result).isInstanceOf(RowResult.Rejected.class);
        return ((RowResult.Rejected) result).reason();
    }
}
