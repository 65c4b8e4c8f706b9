package io.tierwatch.order.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;

class InvoiceGrouperTest {

    private final List<Invoice> closed = new ArrayList<>();
    private final InvoiceGrouper grouper = new InvoiceGrouper(3, closed::add);
    private long line;

    private RowResult.Rejected add(String invoice, String customer, long quantity) {
        line++;
        return grouper.add(new RetailRow("f.csv", line, invoice, "SKU" + line, quantity,
                Instant.parse("2010-12-01T08:00:00Z").plusSeconds(line), Money.parse("2.55"), customer));
    }

    @Test
    void joinsRowsOfAnInvoiceThatAreNotAdjacentButWithinTheWindow() {
        add("A1", "c1", 1);
        add("B1", "c2", 1);
        add("A1", "c1", 2);
        grouper.finish();

        assertThat(closed).extracting(i -> i.first().invoiceNo()).containsExactly("B1", "A1");
        assertThat(closed.get(1).rowCount()).isEqualTo(2);
        assertThat(closed.get(1).first().time()).isEqualTo(Instant.parse("2010-12-01T08:00:01Z"));
    }

    @Test
    void closesAnInvoiceOnceTheWindowPassedAndRejectsItsLateRows() {
        add("A1", "c1", 1);
        add("B1", "c2", 1);
        add("B1", "c2", 1);
        add("B1", "c2", 1);
        assertThat(closed).isEmpty();

        // three rows passed without A1: it closed, and this row comes too late
        RowResult.Rejected late = add("A1", "c1", 1);

        assertThat(closed).extracting(i -> i.first().invoiceNo()).containsExactly("A1");
        assertThat(late.line()).isEqualTo(5);
        assertThat(late.reason()).contains("invoice A1 was closed");
    }

    @Test
    void rejectsARowWhoseCustomerDiffersFromItsInvoice() {
        add("A1", "c1", 1);

        assertThat(add("A1", "c9", 1).reason()).contains("CustomerID c9 differs");
    }

    @Test
    void makesAnOrderOfAnInvoiceAndAnUnlinkedReturnOfACancellation() {
        add("A1", "c1", 4);
        add("C9", "c1", -2);
        grouper.finish();

        OrderPlaced order = (OrderPlaced) closed.get(0).toEvent("GBP", new BigDecimal("0.6"));
        OrderLinesReturned back = (OrderLinesReturned) closed.get(1).toEvent("GBP", new BigDecimal("0.6"));

        assertThat(order.revenue()).isEqualTo(Money.parse("10.20"));
        // 2.55 × 0.6 = 1.53 per unit
        assertThat(order.costOfGoods()).isEqualTo(Money.parse("6.12"));
        assertThat(back.orderId()).isNull();
        assertThat(back.returnId()).isEqualTo("C9");
        assertThat(back.revenueChange()).isEqualTo(Money.parse("-5.10"));
        assertThat(back.lines().get(0).quantity()).isEqualTo(2);
    }

    @Test
    void roundsTheDerivedUnitCostHalfUp() {
        // 0.85 × 0.7 = 0.595 → 0.60; 0.65 × 0.7 = 0.455 → 0.46
        assertThat(Invoice.unitCost(Money.parse("0.85"), new BigDecimal("0.7"))).isEqualTo(Money.parse("0.60"));
        assertThat(Invoice.unitCost(Money.parse("0.65"), new BigDecimal("0.7"))).isEqualTo(Money.parse("0.46"));
    }
}
