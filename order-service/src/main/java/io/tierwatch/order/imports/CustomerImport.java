package io.tierwatch.order.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.order.customers.MasterData;
import io.tierwatch.order.imports.EventBatcher.Counted;
import io.tierwatch.order.imports.EventBatcher.Pending;
import io.tierwatch.order.ingest.Fingerprint;
import io.tierwatch.order.ingest.Submission;
import io.tierwatch.order.publish.EventPublisher;

/**
 * Customer master data, one customer a row ({@code customerId, name, ownerRepId, customerSince,
 * strategic}), each a {@code CustomerUpserted} as a PUT would publish it. The event id carries a
 * hash of the row, {@code customer-upserted:<customerId>:<16 hex>}: the same file imported again
 * publishes nothing new, and a changed row is a new event. Owner changes are audited under the
 * importer's name.
 */
final class CustomerImport extends HeaderFileImport {

    static final List<String> REQUIRED = List.of("customerId", "name");
    static final List<String> OPTIONAL = List.of("ownerRepId", "customerSince", "strategic");

    /** The content of a row, what its event id and fingerprint are computed from. */
    private record MasterRow(String customerId, String name, String ownerRepId, LocalDate customerSince,
            boolean strategic) {
    }

    private final String topic;
    private final String importer;
    private final ImportProgress progress;
    private final EventBatcher batcher;
    private final MasterData masterData;
    private final Clock clock;

    CustomerImport(ImportSettings settings, String importer, ImportProgress progress, EventBatcher batcher,
            MasterData masterData, Clock clock) {
        super(REQUIRED, OPTIONAL);
        this.topic = settings.customersTopic();
        this.importer = importer;
        this.progress = progress;
        this.batcher = batcher;
        this.masterData = masterData;
        this.clock = clock;
    }

    @Override
    public void row(String file, long line, List<String> cells) {
        CustomerUpserted customer;
        MasterRow row;
        try {
            row = new MasterRow(columns.get(cells, "customerId"), columns.get(cells, "name"),
                    columns.get(cells, "ownerRepId"), since(columns.get(cells, "customerSince")),
                    columns.flag(cells, "strategic"));
            if (row.name() != null && row.name().length() > 200) {
                throw new IllegalArgumentException("name is longer than 200 characters");
            }
            customer = new CustomerUpserted(row.customerId(), row.name(), row.ownerRepId(), row.customerSince(),
                    row.strategic(), clock.instant());
        } catch (IllegalArgumentException e) {
            progress.reject(file, line, e.getMessage(), 1);
            return;
        }
        String fingerprint = Fingerprint.of(row);
        String eventId = "customer-upserted:" + customer.customerId() + ":" + fingerprint.substring(0, 16);
        EventEnvelope<CustomerUpserted> event = EventEnvelope.of(eventId, EventPublisher.SOURCE, customer.updatedAt(),
                customer.customerId(), customer);
        batcher.add(new Pending(new Submission(topic, event, fingerprint), file, line, 1, Counted.CUSTOMER,
                () -> masterData.published(customer, importer)));
    }

    private static LocalDate since(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("customerSince '" + text + "' is not a date like 2024-01-15");
        }
    }

}
