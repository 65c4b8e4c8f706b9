package io.tierwatch.e2e;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ServiceTicketClosed;
import io.tierwatch.contracts.Topics;

/**
 * The chaos suite's generator and its own ground truth: random orders and service tickets for a
 * fixed set of customers, and what each customer's figures must be once every one of them is
 * applied, computed here with plain arithmetic on minor units, not with the contracts' methods.
 * Poison records (not valid events, too large, ids too long) are made here too, each with an id
 * of its own so the verifier can find it in a dead-letter topic.
 */
final class ChaosHistory {

    static final URI SOURCE = URI.create("/tierwatch/chaos");
    static final String POISON_PREFIX = "poison-";

    /** A customer's figures as the generator counts them. */
    static final class Truth {
        long revenue;
        long costOfGoods;
        long costToServe;
        long orders;
        long tickets;
    }

    private final String run;
    private final Random random;
    private final List<String> customers = new ArrayList<>();
    private final Map<String, Truth> truth = new LinkedHashMap<>();
    private final List<String> poisonIds = new ArrayList<>();
    private int oversized;
    private long sequence;

    ChaosHistory(String run, int customers, long seed) {
        this.run = run;
        this.random = new Random(seed);
        for (int i = 0; i < customers; i++) {
            String id = run + "-c" + i;
            this.customers.add(id);
            truth.put(id, new Truth());
        }
    }

    /** One event, not yet counted: {@link #count} it once Kafka has acknowledged it. */
    record Event(String customerId, ProducerRecord<String, byte[]> record, long revenue, long costOfGoods,
            long costToServe, boolean order) {
    }

    synchronized Event next() {
        String customer = customers.get(random.nextInt(customers.size()));
        long n = sequence++;
        Instant now = Instant.now();
        if (random.nextInt(4) > 0) {
            List<OrderLine> lines = new ArrayList<>();
            long revenue = 0;
            long costOfGoods = 0;
            int count = 1 + random.nextInt(2);
            for (int l = 0; l < count; l++) {
                long quantity = 1 + random.nextInt(5);
                long price = 100 + random.nextInt(50_000);
                long cost = price * (30 + random.nextInt(80)) / 100;
                long discount = random.nextInt(3) == 0 ? random.nextInt((int) Math.min(price * quantity, 2_000)) : 0;
                lines.add(new OrderLine("sku-" + l, quantity, Money.ofMinor(price), Money.ofMinor(cost),
                        Money.ofMinor(discount)));
                revenue += quantity * price - discount;
                costOfGoods += quantity * cost;
            }
            OrderPlaced order = new OrderPlaced(run + "-o" + n, customer, now, "EUR", lines, null);
            return new Event(customer, record(Topics.ORDERS, "order-placed:" + order.orderId(), customer, order), revenue,
                    costOfGoods, 0, true);
        }
        long parts = random.nextInt(30_000);
        long travel = random.nextInt(5_000);
        long billed = random.nextInt((int) parts + 1);
        ServiceTicketClosed ticket = new ServiceTicketClosed(run + "-t" + n, customer, now, "EUR", 0, null,
                Money.ofMinor(parts), null, Money.ofMinor(travel), false, null, Money.ofMinor(billed));
        return new Event(customer, record(Topics.SERVICE_TICKETS, "ticket-closed:" + ticket.ticketId(), customer, ticket),
                0, 0, parts + travel - billed, false);
    }

    /** Counts an event Kafka has acknowledged, or an order the REST API accepted (once, whatever the resubmissions). */
    synchronized void count(String customerId, long revenue, long costOfGoods, long costToServe, boolean order) {
        Truth t = truth.get(customerId);
        t.revenue += revenue;
        t.costOfGoods += costOfGoods;
        t.costToServe += costToServe;
        if (order) {
            t.orders++;
        } else {
            t.tickets++;
        }
    }

    synchronized void count(Event event) {
        count(event.customerId(), event.revenue(), event.costOfGoods(), event.costToServe(), event.order());
    }

    synchronized Map<String, Truth> truth() {
        return Map.copyOf(truth);
    }

    List<String> customers() {
        return List.copyOf(customers);
    }

    String anyCustomer() {
        synchronized (this) {
            return customers.get(random.nextInt(customers.size()));
        }
    }

    /**
     * Records that can never be applied, each keyed by a customer of the run: data that is not
     * JSON, one just under the broker's 1 MB limit, and orders whose ids are longer than the
     * contract allows (which order-service refuses, but a producer can still write).
     */
    synchronized List<ProducerRecord<String, byte[]>> poison(int garbage, int longIds) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < garbage; i++) {
            String customer = anyCustomerUnlocked();
            records.add(poisonRecord(validOrder(customer), customer, ("{\"poison\":" + i).getBytes(StandardCharsets.UTF_8)));
        }
        byte[] huge = new byte[1_040_000];
        Arrays.fill(huge, (byte) 'x');
        huge[0] = '{';
        String customer = anyCustomerUnlocked();
        ServiceTicketClosed ticket = new ServiceTicketClosed("t", customer, Instant.now(), "EUR", 0, null, null, null, null,
                false, null, null);
        records.add(poisonRecord(record(Topics.SERVICE_TICKETS, "x", customer, ticket), customer, huge));
        oversized++;
        for (int i = 0; i < longIds; i++) {
            String longId = run + "-" + "l".repeat(190) + i;
            ProducerRecord<String, byte[]> valid = validOrder(anyCustomerUnlocked());
            String customerOfValid = valid.key();
            byte[] value = new String(valid.value(), StandardCharsets.UTF_8)
                    .replace("\"customerId\":\"" + customerOfValid + "\"", "\"customerId\":\"" + longId + "\"")
                    .getBytes(StandardCharsets.UTF_8);
            ProducerRecord<String, byte[]> record = poisonRecord(valid, longId, value);
            record.headers().remove(CloudEventsKafka.SUBJECT);
            record.headers().add(CloudEventsKafka.SUBJECT, longId.getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        return records;
    }

    /** How many poison records were too large to copy whole to a dead-letter topic. */
    synchronized int oversized() {
        return oversized;
    }

    synchronized List<String> poisonIds() {
        return List.copyOf(poisonIds);
    }

    private String anyCustomerUnlocked() {
        return customers.get(random.nextInt(customers.size()));
    }

    private ProducerRecord<String, byte[]> validOrder(String customer) {
        OrderPlaced order = new OrderPlaced("not-counted", customer, Instant.now(), "EUR",
                List.of(new OrderLine("sku", 1, Money.ofMinor(100), Money.ofMinor(50), null)), null);
        return record(Topics.ORDERS, "x", customer, order);
    }

    /** {@code shape}'s topic and headers (those of a valid event), with the poison's own id, key and value. */
    private ProducerRecord<String, byte[]> poisonRecord(ProducerRecord<String, byte[]> shape, String key, byte[] value) {
        String id = POISON_PREFIX + run + "-" + poisonIds.size();
        poisonIds.add(id);
        shape.headers().remove(CloudEventsKafka.ID);
        shape.headers().add(CloudEventsKafka.ID, id.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(shape.topic(), null, key, value, shape.headers());
    }

    private static ProducerRecord<String, byte[]> record(String topic, String id, String customerId, Object data) {
        return CloudEventsKafka.toRecord(topic, EventEnvelope.of(id, SOURCE, Instant.now(), customerId, data));
    }
}
