package io.tierwatch.order.orders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.order.redis.Keys;
import redis.clients.jedis.JedisPooled;

/**
 * What each order contained, so a return can be checked against it and priced exactly as the
 * order was. One hash per order ({@code tw:order:order-lines:<orderId>}): {@code customerId},
 * {@code line:<sku>} = quantity:unitPrice:unitCost:discount in minor units, and
 * {@code returned:<sku>} counted by the return reservations. Written after Kafka's ack.
 */
@Component
public class OrderBook {

    private final JedisPooled redis;

    OrderBook(JedisPooled redis) {
        this.redis = redis;
    }

    /** Idempotent: writing the same order again leaves the returned counts alone. */
    public void record(OrderPlaced order) {
        Map<String, String> fields = new HashMap<>();
        fields.put("customerId", order.customerId());
        for (OrderLine line : order.lines()) {
            fields.put("line:" + line.sku(), line.quantity() + ":" + line.unitPrice().minorUnits() + ":"
                    + line.unitCost().minorUnits() + ":" + line.discount().minorUnits());
        }
        redis.hset(Keys.orderLines(order.orderId()), fields);
    }

    public Optional<String> customerOf(String orderId) {
        return Optional.ofNullable(redis.hget(Keys.orderLines(orderId), "customerId"));
    }

    /** The ordered lines of these skus, in the same order; each sku must be in the order. */
    public List<OrderLine> lines(String orderId, List<String> skus) {
        List<String> encoded = redis.hmget(Keys.orderLines(orderId),
                skus.stream().map(sku -> "line:" + sku).toArray(String[]::new));
        return java.util.stream.IntStream.range(0, skus.size())
                .mapToObj(i -> decode(skus.get(i), encoded.get(i))).toList();
    }

    private static OrderLine decode(String sku, String encoded) {
        String[] parts = encoded.split(":");
        return new OrderLine(sku, Long.parseLong(parts[0]), Money.ofMinor(Long.parseLong(parts[1])),
                Money.ofMinor(Long.parseLong(parts[2])), Money.ofMinor(Long.parseLong(parts[3])));
    }
}
