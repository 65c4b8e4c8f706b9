package io.tierwatch.scoring.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import io.tierwatch.contracts.InvalidEventException;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.engine.ScoringUnavailableException;
import io.tierwatch.scoring.metrics.ScoringMetrics;

/**
 * Sends records that can never be applied to {@code <topic>.DLT}: the original key, headers and
 * value, with why and where from in headers. What a poll rejects is sent together and waited for
 * once, before the poll's offsets are committed, so a storm of bad records costs a send each, not
 * a seek and a fetch each.
 *
 * <p>A dead letter always fits: a value (or key, or set of headers) that would make the record
 * larger than the producer's {@code max.request.size} is cut to what fits, and the header
 * {@value #CUT_HEADER} says what was cut and how large it was. Should the broker still refuse the
 * record as too large (a DLT topic with a smaller {@code max.message.bytes}), it is sent again
 * with no value at all: the origin headers point at the original, which the input topic keeps.
 */
@Component
class DeadLetters {

    static final String REASON_HEADER = "tierwatch-dlt-reason";
    /** {@code <topic>-<partition>@<offset>}, the record's origin in words (Spring's binary origin headers are there too). */
    static final String ORIGIN_HEADER = "tierwatch-dlt-origin";
    /** Present only on a cut record: {@code value:<original bytes>}, {@code key:<…>}, {@code headers:<…>}, comma-separated. */
    static final String CUT_HEADER = "tierwatch-dlt-cut";

    /** Room left in a request for the record batch's and the record's own framing and our headers. */
    static final int FRAMING_BYTES = 8 * 1024;
    static final int MAX_KEY_BYTES = 1024;
    static final int MAX_COPIED_HEADER_BYTES = 64 * 1024;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final ScoringMetrics metrics;
    private final int maxRecordBytes;
    private final RateLimitedLog log;

    DeadLetters(KafkaTemplate<String, byte[]> kafka, ScoringMetrics metrics, Clock clock) {
        this.kafka = kafka;
        this.metrics = metrics;
        Object configured = kafka.getProducerFactory().getConfigurationProperties()
                .get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        this.maxRecordBytes = configured == null ? 1024 * 1024 : Integer.parseInt(configured.toString());
        this.log = new RateLimitedLog(LOG, 20, Duration.ofSeconds(10), clock);
    }

    /** A record that can never be applied, and why. */
    record Rejected(ConsumerRecord<String, byte[]> record, Throwable reason) {
    }

    /**
     * Sends them all and waits for Kafka's acknowledgements. Kafka unreachable (or any send
     * failing): a {@link ScoringUnavailableException}, so the poll is retried and nothing of it is
     * committed; a record may then reach the DLT twice, never not at all.
     */
    void publish(List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>(rejected.size());
        for (Rejected r : rejected) {
            acks.add(kafka.send(deadLetterOf(r.record(), reason(r.reason()), false)));
        }
        kafka.flush();
        for (int i = 0; i < rejected.size(); i++) {
            Rejected r = rejected.get(i);
            awaitOrResendEmpty(acks.get(i), r);
            metrics.deadLettered();
            ConsumerRecord<String, byte[]> record = r.record();
            log.warn("dead-lettered {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                    shortKey(record.key()), reason(r.reason()));
        }
    }

    private void awaitOrResendEmpty(CompletableFuture<SendResult<String, byte[]>> ack, Rejected r) {
        try {
            await(ack);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RecordTooLargeException)) {
                throw unavailable(r, e.getCause());
            }
            try {
                await(kafka.send(deadLetterOf(r.record(), reason(r.reason()), true)));
            } catch (ExecutionException again) {
                throw unavailable(r, again.getCause());
            }
        }
    }

    private static void await(CompletableFuture<SendResult<String, byte[]>> ack) throws ExecutionException {
        try {
            ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted while dead-lettering", e);
        } catch (TimeoutException e) {
            throw new ExecutionException("no acknowledgement within " + ACK_TIMEOUT.toSeconds() + " s", e);
        }
    }

    private static ScoringUnavailableException unavailable(Rejected r, Throwable cause) {
        ConsumerRecord<String, byte[]> record = r.record();
        return new ScoringUnavailableException("dead letter of " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " not acknowledged by Kafka: " + cause, cause);
    }

    /** The dead letter of {@code record}, cut to fit a request; {@code empty}: with no value at all. */
    ProducerRecord<String, byte[]> deadLetterOf(ConsumerRecord<String, byte[]> record, String reason, boolean empty) {
        List<String> cut = new ArrayList<>();
        String key = record.key();
        byte[] keyBytes = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length > MAX_KEY_BYTES) {
            cut.add("key:" + keyBytes.length);
            key = new String(Arrays.copyOf(keyBytes, MAX_KEY_BYTES), StandardCharsets.UTF_8);
            keyBytes = key.getBytes(StandardCharsets.UTF_8);
        }
        Headers headers = new RecordHeaders();
        int copied = 0;
        for (Header header : record.headers()) {
            copied += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        if (copied > MAX_COPIED_HEADER_BYTES) {
            cut.add("headers:" + copied);
            copied = 0;
        } else {
            record.headers().forEach(headers::add);
        }
        byte[] reasonBytes = reason.getBytes(StandardCharsets.UTF_8);
        if (reasonBytes.length > 2048) {
            reasonBytes = Arrays.copyOf(reasonBytes, 2048);
        }
        headers.add(REASON_HEADER, reasonBytes);
        headers.add(ORIGIN_HEADER, (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(record.partition()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(record.offset()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(8).putLong(record.timestamp()).array());
        byte[] value = record.value();
        int room = Math.max(0, maxRecordBytes - FRAMING_BYTES - keyBytes.length - copied - reasonBytes.length);
        if (value != null && (empty || value.length > room)) {
            cut.add("value:" + value.length);
            value = empty ? new byte[0] : Arrays.copyOf(value, room);
        }
        if (!cut.isEmpty()) {
            headers.add(CUT_HEADER, String.join(",", cut).getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(Topics.deadLetterOf(record.topic()), null, key, value, headers);
    }

    /** The reason a dead letter carries: an invalid event's own message, else the root cause. */
    static String reason(Throwable e) {
        Throwable invalid = find(e, InvalidEventException.class);
        Throwable root = invalid != null ? invalid : e;
        while (invalid == null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String shortKey(String key) {
        return key == null || key.length() <= 64 ? key : key.substring(0, 64) + "…(" + key.length() + " chars)";
    }
}
