package io.tierwatch.order.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.ServiceTicketClosed;
import io.tierwatch.order.imports.EventBatcher.Counted;
import io.tierwatch.order.imports.EventBatcher.Pending;
import io.tierwatch.order.ingest.Fingerprint;
import io.tierwatch.order.ingest.Submission;
import io.tierwatch.order.publish.EventPublisher;
import io.tierwatch.order.web.EventTimes;
import io.tierwatch.order.web.Formats;

/**
 * Closed service tickets, one a row, with the columns of the REST body
 * ({@code POST /api/v1/service-tickets}): each becomes the same {@code ServiceTicketClosed}
 * with id {@code ticket-closed:<ticketId>}, so a ticket both posted and imported is published
 * once. Amounts are in the upload's currency; a {@code currency} column, where present, must
 * agree with it.
 */
final class TicketImport extends HeaderFileImport {

    static final List<String> REQUIRED = List.of("ticketId", "customerId", "occurredAt", "labourMinutes");
    static final List<String> OPTIONAL = List.of("labourRatePerHour", "partsCost", "partsBilled", "travelCost",
            "expedited", "expediteCost", "amountBilled", "currency");
    /** a year of minutes: more is a typo, and it keeps minutes × rate far inside a long */
    private static final long MAX_MINUTES = 525_600;

    private final String topic;
    private final String currency;
    private final Instant latest;
    private final ImportProgress progress;
    private final EventBatcher batcher;
    private final Clock clock;

    TicketImport(ImportSettings settings, String currency, ImportProgress progress, EventBatcher batcher, Clock clock) {
        super(REQUIRED, OPTIONAL);
        this.topic = settings.ticketsTopic();
        this.currency = currency;
        this.latest = clock.instant().plus(settings.maxFutureSkew());
        this.progress = progress;
        this.batcher = batcher;
        this.clock = clock;
    }

    @Override
    public void row(String file, long line, List<String> cells) {
        ServiceTicketClosed ticket;
        try {
            ticket = ticket(cells);
        } catch (IllegalArgumentException | ArithmeticException e) {
            progress.reject(file, line, e.getMessage(), 1);
            return;
        }
        EventEnvelope<ServiceTicketClosed> event = EventEnvelope.of("ticket-closed:" + ticket.ticketId(),
                EventPublisher.SOURCE, clock.instant(), ticket.customerId(), ticket);
        batcher.add(new Pending(new Submission(topic, event, Fingerprint.of(ticket)), file, line, 1, Counted.TICKET,
                () -> { }));
    }

    private ServiceTicketClosed ticket(List<String> cells) {
        String rowCurrency = columns.get(cells, "currency");
        if (rowCurrency != null && !rowCurrency.equalsIgnoreCase(currency)) {
            throw new IllegalArgumentException("currency " + rowCurrency + " is not the upload's currency " + currency);
        }
        Instant at = time(columns.get(cells, "occurredAt"));
        String future = EventTimes.refusal(at, latest);
        if (future != null) {
            throw new IllegalArgumentException("occurredAt " + future);
        }
        ServiceTicketClosed ticket = new ServiceTicketClosed(columns.get(cells, "ticketId"),
                columns.get(cells, "customerId"), at, currency, minutes(columns.get(cells, "labourMinutes")),
                money(cells, "labourRatePerHour"), money(cells, "partsCost"), money(cells, "partsBilled"),
                money(cells, "travelCost"), columns.flag(cells, "expedited"), money(cells, "expediteCost"),
                money(cells, "amountBilled"));
        try {
            ticket.netCostToServe();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the ticket's amounts overflow");
        }
        return ticket;
    }

    private static Instant time(String text) {
        if (text == null) {
            throw new IllegalArgumentException("occurredAt is empty");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurredAt '" + text + "' is not a time like 2024-03-01T10:15:00Z");
        }
    }

    private static long minutes(String text) {
        try {
            long minutes = Long.parseLong(text == null ? "" : text);
            if (minutes < 0 || minutes > MAX_MINUTES) {
                throw new IllegalArgumentException("labourMinutes " + minutes + " must be 0 to " + MAX_MINUTES);
            }
            return minutes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("labourMinutes '" + text + "' is not a whole number");
        }
    }

    private Money money(List<String> cells, String column) {
        String text = columns.get(cells, column);
        if (text == null) {
            return null;
        }
        if (!text.matches(Formats.AMOUNT)) {
            throw new IllegalArgumentException(column + " '" + text + "' " + Formats.AMOUNT_MESSAGE);
        }
        return Money.parse(text);
    }

}
