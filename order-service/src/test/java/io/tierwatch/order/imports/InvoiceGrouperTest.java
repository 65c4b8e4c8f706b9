package io.tierwatch.order.imports;

import static org.assertj.core.api.Assertions.assertThat;

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
        return grouper.add(new SalesRow("f.csv", line, invoice, quantity < 0, customer,
                Instant.parse("2010-12-01T08:00:00Z").plusSeconds(line), "SKU" + line, Math.abs(quantity),
                Money.parse("2.55"), Money.parse("1.53")));
    }

    @Test
    void joinsRowsOfAnInvoiceThatAreNotAdjacentButWithinTheWindow() {
        add("A1", "c1", 1);
        add("B1", "c2", 1);
        add("A1", "c1", 2);
        grouper.finish();

        assertThat(closed).extracting(i -> i.first().orderNo()).containsExactly("B1", "A1");
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

        assertThat(closed).extracting(i -> i.first().orderNo()).containsExactly("A1");
        assertThat(late.line()).isEqualTo(5);
        assertThat(late.reason()).contains("order A1 was closed");
    }

    @Test
    void rejectsARowWhoseCustomerDiffersFromItsInvoice() {
        add("A1", "c1", 1);

        assertThat(add("A1", "c9", 1).reason()).contains("customer c9 differs");
    }

    @Test
    void makesAnOrderOfAnInvoiceAndAnUnlinkedReturnOfACancellation() {
        add("A1", "c1", 4);
        add("C9", "c1", -2);
        grouper.finish();

        OrderPlaced order = (OrderPlaced) closed.get(0).toEvent("GBP");
        OrderLinesReturned back = (OrderLinesReturned) closed.get(1).toEvent("GBP");

        assertThat(order.revenue()).isEqualTo(Money.parse("10.20"));
        // 2.55 × 0.6 = 1.53 per unit
        assertThat(order.costOfGoods()).isEqualTo(Money.parse("6.12"));
        assertThat(back.orderId()).isNull();
        assertThat(back.returnId()).isEqualTo("C9");
        assertThat(back.revenueChange()).isEqualTo(Money.parse("-5.10"));
        assertThat(back.lines().get(0).quantity()).isEqualTo(2);
    }
}
