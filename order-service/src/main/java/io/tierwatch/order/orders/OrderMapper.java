package io.tierwatch.order.orders;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tierwatch.contracts.InvalidFieldException;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.order.web.InvalidRequestException;
import io.tierwatch.order.web.Problems;
import io.tierwatch.order.web.RequestTooLargeException;

/** Checks what Bean Validation cannot (line limit, duplicate skus, arithmetic) and builds the event. */
final class OrderMapper {

    private final int maxLines;

    OrderMapper(int maxLines) {
        this.maxLines = maxLines;
    }

    OrderPlaced toEvent(OrderRequest request) {
        if (request.lines().size() > maxLines) {
            throw new RequestTooLargeException("lines: " + request.lines().size() + " lines, at most " + maxLines);
        }
        Problems problems = new Problems();
        Set<String> skus = new HashSet<>();
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            OrderRequest.Line line = request.lines().get(i);
            String field = "lines[" + i + "]";
            // returns name a line by sku, so an order holds each sku once
            problems.check(skus.add(line.sku()), field + ".sku", "appears twice in the order; merge the lines");
            OrderLine built = line(line, field, problems);
            if (built != null) {
                lines.add(built);
            }
        }
        problems.throwIfAny();
        OrderPlaced event = new OrderPlaced(request.orderId(), request.customerId(), request.occurredAt(),
                request.currency(), lines, request.shippingCost() == null ? null : Money.parse(request.shippingCost()));
        try {
            event.revenue();
            event.costOfGoods();
        } catch (ArithmeticException e) {
            throw new InvalidRequestException("lines", "the order's totals overflow");
        }
        return event;
    }

    private static OrderLine line(OrderRequest.Line line, String field, Problems problems) {
        Money discount = line.discount() == null ? Money.ZERO : Money.parse(line.discount());
        try {
            // the contract's own rules (the discount fits the line), as every consumer applies them
            OrderLine built = new OrderLine(line.sku(), line.quantity(), Money.parse(line.unitPrice()),
                    Money.parse(line.unitCost()), discount);
            built.costOfGoods();
            return built;
        } catch (InvalidFieldException e) {
            problems.check(false, field + "." + e.field(), e.reason());
            return null;
        } catch (ArithmeticException e) {
            problems.check(false, field, "quantity × amount overflows");
            return null;
        }
    }
}
