package io.tierwatch.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.order.web.FieldProblem;
import io.tierwatch.order.web.InvalidRequestException;
import io.tierwatch.order.web.RequestTooLargeException;

class OrderMapperTest {

    private final OrderMapper mapper = new OrderMapper(3);

    private static OrderRequest order(List<OrderRequest.Line> lines) {
        return new OrderRequest("o-1", "c-1", Instant.parse("2026-03-01T10:00:00Z"), "EUR", lines, "4.90");
    }

    @Test
    void mapsAmountsToMinorUnitsAndKeepsTheLineDiscount() {
        OrderPlaced order = mapper.toEvent(order(List.of(new OrderRequest.Line("A", 10L, "12.5", "7", "3.00"))));

        assertThat(order.revenue()).isEqualTo(Money.parse("122.00"));
        assertThat(order.costOfGoods()).isEqualTo(Money.parse("74.90"));
    }

    @Test
    void namesEveryLineThatRepeatsASkuOrGivesMoreDiscountThanItIsWorth() {
        assertThatThrownBy(() -> mapper.toEvent(order(List.of(new OrderRequest.Line("A", 1L, "1.00", "0.50", null),
                new OrderRequest.Line("A", 2L, "1.00", "0.50", "2.01")))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("lines[1].sku", "lines[1].discount"));
    }

    @Test
    void refusesMoreLinesThanTheLimit() {
        List<OrderRequest.Line> four = Collections.nCopies(4, new OrderRequest.Line("A", 1L, "1.00", "0.50", null));

        assertThatThrownBy(() -> mapper.toEvent(order(four))).isInstanceOf(RequestTooLargeException.class)
                .hasMessageContaining("at most 3");
    }

    @Test
    void refusesALineWhoseAmountsOverflow() {
        assertThatThrownBy(() -> mapper.toEvent(order(List.of(
                new OrderRequest.Line("A", 9_000_000_000_000L, "9999999999999999.00", "1.00", null)))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("lines[0]"));
    }
}
