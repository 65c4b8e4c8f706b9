package io.tierwatch.bench.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ReturnedLine;
import io.tierwatch.contracts.ServiceTicketClosed;

/** The business content of one synthetic event for a customer of a given rank. */
final class EventFactory {

    static final String CURRENCY = "EUR";

    private final SplittableRandom random;

    EventFactory(SplittableRandom random) {
        this.random = random;
    }

    Object event(String id, String customerId, int rank, Instant time) {
        boolean overServed = Customers.overServed(rank);
        double r = random.nextDouble();
        if (r < (overServed ? 0.35 : 0.06)) {
            return overServed ? costlyTicket(id, customerId, time) : ticket(id, customerId, time);
        }
        if (r < (overServed ? 0.40 : 0.11)) {
            return returned(id, customerId, rank, time);
        }
        return order(id, customerId, rank, time);
    }

    private OrderPlaced order(String id, String customerId, int rank, Instant time) {
        int lineCount = 1 + random.nextInt(4);
        long perLine = Math.max(100, Customers.basket(rank) / lineCount);
        List<OrderLine> lines = new ArrayList<>(lineCount);
        for (int i = 0; i < lineCount; i++) {
            long quantity = 1 + random.nextInt(5);
            long price = Math.max(1, perLine / quantity * (50 + random.nextInt(101)) / 100);
            // 3% of lines are sold below cost, like the seed's rep who gave the margin away.
            long costPercent = random.nextInt(100) < 3 ? 105 : 55 + random.nextInt(36);
            long discount = random.nextInt(100) < 20 ? price * quantity / 20 : 0;
            lines.add(new OrderLine("sku-" + random.nextInt(5_000), quantity, Money.ofMinor(price),
                    Money.ofMinor(price * costPercent / 100), Money.ofMinor(discount)));
        }
        return new OrderPlaced("o-" + id, customerId, time, CURRENCY, lines, Money.ofMinor(random.nextInt(1_500)));
    }

    private OrderLinesReturned returned(String id, String customerId, int rank, Instant time) {
        long refund = Math.max(100, Customers.basket(rank) * random.nextInt(31) / 100);
        return new OrderLinesReturned("r-" + id, null, customerId, time, CURRENCY,
                List.of(new ReturnedLine("sku-" + random.nextInt(5_000), 1, Money.ofMinor(refund),
                        Money.ofMinor(refund * 7 / 10))), Money.ZERO);
    }

    private ServiceTicketClosed ticket(String id, String customerId, Instant time) {
        long minutes = 30 + random.nextInt(90);
        long parts = random.nextInt(5_000);
        return new ServiceTicketClosed("t-" + id, customerId, time, CURRENCY, minutes, Money.ofMinor(6_000),
                Money.ofMinor(parts), Money.ofMinor(parts), Money.ofMinor(random.nextInt(3_000)), false, Money.ZERO,
                Money.ofMinor(minutes * 80));
    }

    /** Two-hour on-site demands, free parts, expedited visits, nothing billed. */
    private ServiceTicketClosed costlyTicket(String id, String customerId, Instant time) {
        boolean expedited = random.nextInt(10) < 3;
        return new ServiceTicketClosed("t-" + id, customerId, time, CURRENCY, 120 + random.nextInt(480),
                Money.ofMinor(9_000), Money.ofMinor(random.nextInt(40_000)), Money.ZERO,
                Money.ofMinor(2_000 + random.nextInt(8_000)), expedited, Money.ofMinor(expedited ? 15_000 : 0),
                Money.ZERO);
    }
}
