package io.tierwatch.order;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import io.tierwatch.contracts.Topics;

/** Everything order-service binds, under {@code tierwatch.*}. */
@ConfigurationProperties("tierwatch")
public record OrderServiceProperties(
        @DefaultValue("EUR") String currency,
        @DefaultValue Redis redis,
        @DefaultValue TopicNames topics,
        @DefaultValue Publish publish,
        @DefaultValue Limits limits,
        @DefaultValue Imports imports) {

    public record Redis(@DefaultValue("redis://localhost:6379") String url) {
    }

    /** Topic names; {@code create} declares them (customers compacted) when the broker lacks them. */
    public record TopicNames(
            @DefaultValue(Topics.ORDERS) String orders,
            @DefaultValue(Topics.SERVICE_TICKETS) String serviceTickets,
            @DefaultValue(Topics.CUSTOMERS) String customers,
            @DefaultValue("true") boolean create,
            @DefaultValue("3") int partitions) {
    }

    /**
     * How long a request waits for the broker's acknowledgement before answering 503. It must
     * exceed the producer's {@code max.block.ms} + {@code delivery.timeout.ms}, so a record the
     * producer may still deliver is never reported as failed.
     */
    public record Publish(@DefaultValue("20s") Duration ackTimeout) {
    }

    /** Request limits: more lines than {@code maxLines} is a 400, a larger body a 413. */
    public record Limits(@DefaultValue("500") int maxLines, @DefaultValue("256KB") DataSize maxBodySize,
            @DefaultValue("PT1H") java.time.Duration maxFutureSkew) {
    }

    /**
     * Imports: a sales file is read through a named mapping ({@code mappings}, the shipped
     * {@code uci-online-retail} and {@code cdnow} among them), {@code defaultMapping} when the
     * upload names none; an order closes once {@code invoiceWindowRows} rows passed without one of
     * its lines; at most {@code batchSize} events are in flight at once; a raw {@code text/csv}
     * body may be {@code maxUploadSize} (multipart uploads: spring.servlet.multipart.*); statuses
     * are kept in Redis for {@code keptFor}.
     */
    public record Imports(
            @DefaultValue("uci-online-retail") String defaultMapping,
            java.util.Map<String, io.tierwatch.order.imports.MappingSpec> mappings,
            @DefaultValue("1000") int invoiceWindowRows,
            @DefaultValue("500") int batchSize,
            @DefaultValue("200") int maxReportedRejections,
            @DefaultValue("P90D") Duration keptFor,
            @DefaultValue("64MB") DataSize maxUploadSize) {

        public Imports {
            mappings = mappings == null ? java.util.Map.of() : java.util.Map.copyOf(mappings);
        }
    }
}
