package io.tierwatch.scoring.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

import io.tierwatch.contracts.InvalidEventException;
import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.engine.Scorer;
import io.tierwatch.scoring.engine.ScoringUnavailableException;
import io.tierwatch.scoring.ledger.LedgerCommand;
import io.tierwatch.scoring.ledger.ScriptFailedException;
import io.tierwatch.scoring.sweep.PartitionSweeps;

/**
 * The input consumers' loop. Each poll's records go into the consumer's {@link CoPartitionMerge},
 * and what the merge releases, in its one order, is applied; every released record is either
 * applied or dead-lettered before the offsets move past it:
 * <ol>
 * <li>each record is decoded; one that is not a valid event is set aside for the DLT;</li>
 * <li>the others are scored; a command the ledger cannot apply (an amount overflow) is set aside
 *     too and the rest scored again (the watermarks skip what was applied);</li>
 * <li>any other failure that is not an outage is looked for record by record, so only the record
 *     that fails is set aside, never an innocent one of the same poll;</li>
 * <li>what was set aside goes to the DLT, all at once ({@link DeadLetters}).</li>
 * </ol>
 * Offsets are committed here, not by the container ({@code ack-mode: manual}): at most every
 * {@code merge.commit-interval}, asynchronously, each partition at its merge's commit point (its
 * first record not applied), with the state epoch in the metadata. An outage of Redis or Kafka
 * ({@link ScoringUnavailableException}) undoes the poll: the merge is rewound, every partition is
 * sought back to its first record not applied, and the consumer waits with backoff before the next
 * poll, for as long as the outage lasts. While records wait for a co-partition that has none, the
 * broker is asked for that partition's end offset once the oldest of them is {@code grace} old (at
 * most every 20 ms): seen at its end at a moment {@code grace} after a record's timestamp, it lets
 * the record go. When no record arrives,
 * the container's idle event ({@code idle-event-interval}, on the consumer's thread) does the same.
 * <p>
 * One merge per consumer thread: the listener, the idle event and the rebalance callbacks of a
 * consumer all run on its thread.
 */
@Component
class ScoringListener implements ConsumerAwareRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringListener.class);
    static final String ID = "tierwatch-scoring";
    /** How often a consumer asks the broker for end offsets while records wait for an idle co-partition. */
    static final Duration END_CHECK_EVERY = Duration.ofMillis(20);
    private static final Duration END_CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final ScoringProperties properties;
    private final RecordDecoder decoder;
    private final Scorer scorer;
    private final DeadLetters deadLetters;
    private final OffsetCommits commits;
    private final PartitionSweeps sweeps;
    private final Admin admin;
    private final java.time.Clock clock;
    private final ThreadLocal<Consuming> consuming;
    /** An outage retries a poll every few seconds on each consumer: a few lines say so, not one per attempt. */
    private final RateLimitedLog retries = new RateLimitedLog(LOG, 6, Duration.ofSeconds(30),
            java.time.Clock.systemUTC());

    ScoringListener(ScoringProperties properties, Scorer scorer, DeadLetters deadLetters, OffsetCommits commits,
            PartitionSweeps sweeps, Admin scoringAdmin, java.time.Clock clock) {
        this.admin = scoringAdmin;
        this.sweeps = sweeps;
        this.properties = properties;
        this.decoder = new RecordDecoder(properties.currency());
        this.scorer = scorer;
        this.deadLetters = deadLetters;
        this.commits = commits;
        this.clock = clock;
        ScoringProperties.Merge merge = properties.scoring().merge();
        List<String> inputs = List.of(properties.topics().inputs());
        this.consuming = ThreadLocal.withInitial(() -> new Consuming(new CoPartitionMerge(inputs, merge.grace().toMillis())));
    }

    /** What one consumer thread keeps between polls. */
    private static final class Consuming {
        final CoPartitionMerge merge;
        final Set<TopicPartition> paused = new HashSet<>();
        /** Where each partition revoked from this consumer would have to start again, should it come back. */
        final Map<TopicPartition, Long> restart = new HashMap<>();
        /** When each partition was last seen with nothing more to read (this host's clock). */
        final Map<TopicPartition, Long> caughtUpAt = new HashMap<>();
        long endsCheckedAt = Long.MIN_VALUE / 2;
        int failures;

        Consuming(CoPartitionMerge merge) {
            this.merge = merge;
        }
    }

    public String[] topics() {
        return properties.topics().inputs();
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "#{__listener.topics()}", batch = "true")
    void onPoll(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        Consuming c = consuming.get();
        c.merge.add(records);
        drain(c, consumer, false);
    }

    /** The container's idle event, on the consumer's own thread: what waited out the grace goes, and the offsets are checked. */
    @EventListener(condition = "event.listenerId.startsWith('" + ID + "-')")
    void onIdle(ListenerContainerIdleEvent event) {
        Consuming c = consuming.get();
        Consumer<?, ?> consumer = event.getConsumer();
        if (drain(c, consumer, true)) {
            commits.catchUp(consumer, c.merge.commitPoints());
        }
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Consuming c = consuming.get();
        // a partition given back to this consumer keeps its position, past the records its merge
        // held when it was revoked: delivery starts again at the first record not applied
        c.restart.forEach((tp, offset) -> {
            if (partitions.contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
        c.restart.clear();
        c.merge.assigned(partitions);
        // another instance may have swept these partitions meanwhile
        sweeps.forget(partitions.stream().map(TopicPartition::partition).collect(java.util.stream.Collectors.toSet()));
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Consuming c = consuming.get();
        Map<TopicPartition, Long> points = c.merge.revoked(partitions);
        commits.commitNow(consumer, points); // the next owner starts where this one's merge stood
        c.restart.putAll(points);
        c.paused.removeAll(partitions);
        partitions.forEach(c.caughtUpAt::remove);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Consuming c = consuming.get();
        c.restart.putAll(c.merge.revoked(partitions));
        c.paused.removeAll(partitions);
    }

    /** Applies what the merge releases, then commits; false when an outage rewound the consumer. */
    private boolean drain(Consuming c, Consumer<?, ?> consumer, boolean idle) {
        List<ConsumerRecord<String, byte[]>> released = c.merge.release(tp -> c.caughtUpAt.getOrDefault(tp, Long.MIN_VALUE));
        if (!c.merge.blocking().isEmpty() && checkEnds(c, consumer)) {
            released = new ArrayList<>(released);
            released.addAll(c.merge.release(tp -> c.caughtUpAt.getOrDefault(tp, Long.MIN_VALUE)));
        }
        if (!released.isEmpty()) {
            try {
                apply(released);
                c.merge.applied(released);
                c.failures = 0;
            } catch (RuntimeException e) {
                // Nothing of this poll counts as done: every partition starts again at its first record
                // not applied (the watermarks skip what was), after a wait that grows while it lasts.
                retries.warn("{} records not scored, retrying with backoff: {}", released.size(), e.getMessage());
                c.merge.rewind().forEach(consumer::seek);
                consumer.resume(c.paused);
                c.paused.clear();
                c.caughtUpAt.clear();
                backOff(++c.failures);
                return false;
            }
        }
        flowControl(c, consumer);
        commits.commit(consumer, c.merge.commitPoints(), idle);
        return true;
    }

    /**
     * Asks the broker for the end offsets of the partitions that keep records back, once the
     * oldest of those records is {@code grace} old (an answer from before would not let it go), at
     * most every {@link #END_CHECK_EVERY}: one at the consumer's position then had nothing more to
     * read when the request went out. Returns whether it asked.
     */
    private boolean checkEnds(Consuming c, Consumer<?, ?> consumer) {
        long asked = clock.millis();
        if (asked - c.merge.blockedSince() < c.merge.graceMillis()
                || asked - c.endsCheckedAt < END_CHECK_EVERY.toMillis()) {
            return false;
        }
        c.endsCheckedAt = asked;
        Set<TopicPartition> partitions = new HashSet<>(c.merge.blocking());
        try {
            // through the admin client's own connection: the consumer's would wait behind its fetch,
            // which the broker holds up to fetch.max.wait.ms (500 ms) while there is nothing to fetch
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(END_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            for (TopicPartition tp : partitions) {
                ListOffsetsResult.ListOffsetsResultInfo end = ends.get(tp);
                if (end != null && consumer.position(tp, END_CHECK_TIMEOUT) >= end.offset()) {
                    c.caughtUpAt.put(tp, asked);
                } else {
                    c.caughtUpAt.remove(tp);
                }
            }
            return true;
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            retries.warn("end offsets of {} not known ({}); their co-partitions' records wait", partitions, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A partition far ahead of its co-partitions waits: its records are held in memory until they may go. */
    private void flowControl(Consuming c, Consumer<?, ?> consumer) {
        int max = properties.scoring().merge().maxHeld();
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        for (TopicPartition tp : consumer.assignment()) {
            int held = c.merge.held(tp);
            if (held > max && c.paused.add(tp)) {
                pause.add(tp);
            } else if (held <= max / 2 && c.paused.remove(tp)) {
                resume.add(tp);
            }
        }
        if (!pause.isEmpty()) {
            consumer.pause(pause);
        }
        if (!resume.isEmpty()) {
            consumer.resume(resume);
        }
    }

    private static void backOff(int failures) {
        long millis = Math.min(5_000L, 200L << Math.min(failures - 1, 5));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Applies records in the order given, each applied or dead-lettered; throws on an outage.
     * Before an event that brings its partition to a new day, a {@code sweep} command for each
     * customer that may be due by then goes into the same batch ({@link PartitionSweeps}): those
     * the partition's due index names, and those the batch touched before it. Every record after
     * it carries the new sweep day, which is stored once the batch is applied.
     */
    void apply(List<ConsumerRecord<String, byte[]>> records) {
        List<ConsumerRecord<String, byte[]>> origins = new ArrayList<>(records.size()); // null for a sweep
        List<LedgerCommand> commands = new ArrayList<>(records.size());
        List<DeadLetters.Rejected> rejected = new ArrayList<>();
        Map<Integer, Long> sweptTo = new HashMap<>();
        Map<Integer, Set<String>> touched = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            LedgerCommand command;
            try {
                command = decoder.decode(record);
            } catch (InvalidEventException e) {
                rejected.add(new DeadLetters.Rejected(record, e));
                continue;
            }
            int partition = record.partition();
            long swept = sweptTo.computeIfAbsent(partition, sweeps::sweptDay);
            if (command.delta() != null) {
                long day = sweeps.dayToSweep(swept, command.day(),
                        record.timestamp() >= 0 ? record.timestamp() : Long.MAX_VALUE);
                if (day != LedgerCommand.NO_STREAM_DAY) {
                    Set<String> candidates = sweeps.dueBy(partition, day);
                    candidates.addAll(touched.getOrDefault(partition, Set.of()));
                    java.time.LocalDate date = java.time.LocalDate.ofEpochDay(day);
                    for (String customer : candidates) {
                        origins.add(null);
                        commands.add(LedgerCommand.sweep(customer, partition, date));
                    }
                    sweptTo.put(partition, day);
                    swept = day;
                }
            }
            origins.add(record);
            commands.add(command.atStreamDay(swept));
            touched.computeIfAbsent(partition, p -> new java.util.TreeSet<>()).add(command.customerId());
        }
        score(origins, commands, rejected);
        sweptTo.forEach((partition, day) -> {
            if (day != LedgerCommand.NO_STREAM_DAY && day > sweeps.sweptDay(partition)) {
                sweeps.advanced(partition, day);
            }
        });
        deadLetters.publish(rejected);
    }

    private void score(List<ConsumerRecord<String, byte[]>> records, List<LedgerCommand> commands,
            List<DeadLetters.Rejected> rejected) {
        int from = 0;
        while (from < commands.size()) {
            try {
                scorer.score(commands.subList(from, commands.size()));
                return;
            } catch (ScriptFailedException e) {
                // the commands before it are committed and published; it can never be applied
                int failed = from + e.index();
                rejected.add(new DeadLetters.Rejected(origin(records, failed, e), e.getCause()));
                from = failed + 1;
            } catch (ScoringUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("a poll of {} records failed ({}); scoring them one at a time to find the one that fails",
                        commands.size() - from, DeadLetters.reason(e));
                scoreOneByOne(records, commands, from, rejected);
                return;
            }
        }
    }

    private void scoreOneByOne(List<ConsumerRecord<String, byte[]>> records, List<LedgerCommand> commands, int from,
            List<DeadLetters.Rejected> rejected) {
        for (int i = from; i < commands.size(); i++) {
            try {
                scorer.score(List.of(commands.get(i)));
            } catch (ScoringUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                rejected.add(new DeadLetters.Rejected(origin(records, i, e), e instanceof ScriptFailedException s ? s.getCause() : e));
            }
        }
    }

    /** The record command {@code i} came from; a sweep's failure is not a record's, so it is an outage of its own. */
    private static ConsumerRecord<String, byte[]> origin(List<ConsumerRecord<String, byte[]>> records, int i,
            RuntimeException e) {
        ConsumerRecord<String, byte[]> record = records.get(i);
        if (record == null) {
            throw new ScoringUnavailableException("a sweep could not be applied: " + e.getMessage(), e);
        }
        return record;
    }
}
