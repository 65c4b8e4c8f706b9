package io.tierwatch.order.returns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import io.tierwatch.order.ingest.Claim;
import io.tierwatch.order.redis.Keys;
import io.tierwatch.support.LuaScript;
import io.tierwatch.order.web.UnprocessableException;
import redis.clients.jedis.JedisPooled;

/**
 * Reserves returned quantities against an order's lines in one atomic script, and undoes a
 * reservation whose event Kafka did not take. The reservation is stored with the return's
 * claim, so a recovering retry prices the return exactly as the first attempt did.
 */
@Component
class ReturnReservations {

    private final LuaScript reserve;
    private final LuaScript cancel;

    ReturnReservations(JedisPooled redis) {
        this.reserve = LuaScript.load(redis, ReturnReservations.class, "/redis/return-reserve.lua");
        this.cancel = LuaScript.load(redis, ReturnReservations.class, "/redis/return-cancel.lua");
    }

    /**
     * @return per requested line, the quantity of its sku returned before this return
     * @throws UnprocessableException naming the line that is not in the order or exceeds what is left
     */
    List<Long> reserve(String orderId, String eventId, List<ReturnRequest.Line> lines) {
        List<?> reply = (List<?>) reserve.run(keys(orderId, eventId), skuQuantities(lines));
        String outcome = text(reply.get(0));
        switch (outcome) {
            case "ok" -> {
                return Arrays.stream(text(reply.get(1)).split(",")).map(Long::valueOf).toList();
            }
            case "unknown-sku" -> throw new UnprocessableException("lines[" + text(reply.get(1)) + "].sku",
                    "is not a line of order " + orderId);
            default -> throw new UnprocessableException("lines[" + text(reply.get(1)) + "].quantity",
                    "exceeds what is left to return of the order: " + text(reply.get(2)));
        }
    }

    void cancel(String orderId, String eventId, String fingerprint, Claim claim, List<ReturnRequest.Line> lines) {
        List<String> args = new ArrayList<>(List.of(fingerprint, String.valueOf(claim.claimedAt())));
        args.addAll(skuQuantities(lines));
        cancel.run(keys(orderId, eventId), args);
    }

    private static List<String> keys(String orderId, String eventId) {
        return List.of(Keys.orderLines(orderId), Keys.submission(eventId));
    }

    private static List<String> skuQuantities(List<ReturnRequest.Line> lines) {
        List<String> args = new ArrayList<>();
        lines.forEach(l -> {
            args.add(l.sku());
            args.add(String.valueOf(l.quantity()));
        });
        return args;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(value);
    }
}
