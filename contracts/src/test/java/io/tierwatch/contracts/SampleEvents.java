package io.tierwatch.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** One filled-in example of every event type. */
final class SampleEvents {

    static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

    private SampleEvents() {
    }

    static OrderPlaced order() {
        return new OrderPlaced("o-1", "c-7", Instant.parse("2026-01-02T10:15:30Z"), "EUR",
                List.of(new OrderLine("sku-1", 3, Money.parse("19.99"), Money.parse("12.00"), Money.parse("2.00"))),
                Money.parse("4.50"));
    }

    static List<Object> all() {
        return List.of(order(),
                new OrderLinesReturned("r-1", "o-1", "c-7", T, "EUR",
                        List.of(new ReturnedLine("sku-1", 1, Money.parse("17.99"), Money.parse("12.00"))), null),
                new ServiceTicketClosed("t-1", "c-7", T, "EUR", 90, Money.parse("80"), Money.parse("10"), null,
                        Money.parse("30"), true, Money.parse("50"), Money.parse("20")),
                new CustomerUpserted("c-7", "Acme", "rep-1", LocalDate.of(2019, 5, 1), true, T),
                new CustomerTierChanged("c-7", Tier.B, Tier.D, TierDirection.DOWNGRADE, 4, "default-1", 90,
                        Figures.of(1000, 800, 400), Figures.of(5000, 3000, 400), Set.of(Trait.LOYAL), "ticket-closed:t-1",
                        List.of(new Contributor("ticket-closed:t-1", "TICKET", "t-1", T, Money.parse("-400"))),
                        "profit fell below zero", T));
    }
}
