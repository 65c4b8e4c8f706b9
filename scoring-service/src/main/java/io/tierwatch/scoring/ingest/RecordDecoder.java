package io.tierwatch.scoring.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.InvalidEventException;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ServiceTicketClosed;
import io.tierwatch.scoring.domain.Delta;
import io.tierwatch.scoring.ledger.LedgerCommand;

/** Turns an input record into a ledger command, or says why it cannot (an {@link InvalidEventException}). */
final class RecordDecoder {

    private final String currency;

    RecordDecoder(String currency) {
        this.currency = currency;
    }

    LedgerCommand decode(ConsumerRecord<String, byte[]> record) {
        try {
            return decodeValid(record);
        } catch (ArithmeticException e) {
            throw new InvalidEventException("amounts overflow a 64-bit minor-unit total: " + e.getMessage(), e);
        }
    }

    private LedgerCommand decodeValid(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> event = CloudEventsKafka.fromRecord(record);
        return switch (event.type()) {
            case ORDER_PLACED -> {
                OrderPlaced order = event.dataAs(OrderPlaced.class);
                yield command(record, event, order.customerId(), order.currency(), Delta.of(order));
            }
            case ORDER_LINES_RETURNED -> {
                OrderLinesReturned returned = event.dataAs(OrderLinesReturned.class);
                yield command(record, event, returned.customerId(), returned.currency(), Delta.of(returned));
            }
            case SERVICE_TICKET_CLOSED -> {
                ServiceTicketClosed ticket = event.dataAs(ServiceTicketClosed.class);
                yield command(record, event, ticket.customerId(), ticket.currency(), Delta.of(ticket));
            }
            case CUSTOMER_UPSERTED -> {
                CustomerUpserted customer = event.dataAs(CustomerUpserted.class);
                sameCustomer(event, customer.customerId());
                yield LedgerCommand.master(record.topic(), record.partition(), record.offset(), event.id(), customer);
            }
            case CUSTOMER_TIER_CHANGED -> throw new InvalidEventException(
                    event.type().type() + " is an output of scoring-service, not an input (topic " + record.topic() + ")");
        };
    }

    private LedgerCommand command(ConsumerRecord<String, byte[]> record, EventEnvelope<?> event, String customerId,
            String eventCurrency, Delta delta) {
        sameCustomer(event, customerId);
        if (!currency.equals(eventCurrency)) {
            throw new InvalidEventException("currency " + eventCurrency + " is not the base currency " + currency);
        }
        delta.profitImpact();
        return LedgerCommand.event(customerId, record.topic(), record.partition(), record.offset(), event.id(), delta);
    }

    private static void sameCustomer(EventEnvelope<?> event, String customerId) {
        if (!event.subject().equals(customerId)) {
            throw new InvalidEventException("ce_subject " + event.subject() + " differs from customerId " + customerId);
        }
    }
}
