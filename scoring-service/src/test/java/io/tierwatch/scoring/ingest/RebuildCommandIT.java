package io.tierwatch.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.TestEvents;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.scoring.ledger.StateEpoch;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.Jedis;

/**
 * The rebuild command as {@code ./tierwatch rebuild} runs it: the service's jar, in a process of
 * its own, without a web server and without its listeners. It deletes scoring's state, begins a
 * new state epoch, sets the group to the earliest offsets with that epoch, and exits 0. On its own
 * topics, group and Redis database.
 */
@ExtendWith(RealInfrastructure.class)
class RebuildCommandIT {

    private static final String PREFIX = "rebuild-command-it-" + System.nanoTime();
    private static final String GROUP = PREFIX + "-scoring";
    private static final int DATABASE = 6;

    @Test
    void theCommandDeletesTheStateBeginsAnEpochAndSetsTheGroupToTheEarliestOffsets() throws Exception {
        List<String> inputs = List.of(PREFIX + ".orders", PREFIX + ".service-tickets", PREFIX + ".customers");
        RealInfrastructure.kafka().createTopics(inputs.stream().map(t -> Topics.newTopic(t, 3, true)).toList());
        String customer = TestEvents.customer("rebuilt");
        KafkaProbe.send(TestEvents.record(inputs.get(0), customer,
                TestEvents.order(customer, java.time.Instant.now(), "10.00", "5.00")));
        String redis = RealInfrastructure.redis().url() + "/" + DATABASE;
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            jedis.select(DATABASE);
            jedis.hset(LedgerKeys.state(customer), Map.of("rev", "3", "l", "1000 500 0 1 0"));
        }

        Path log = Files.createTempFile("rebuild-command", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar().toString(),
                "--tierwatch.rebuild.run=true", "--spring.main.web-application-type=none",
                "--spring.kafka.listener.auto-startup=false",
                "--spring.kafka.bootstrap-servers=" + RealInfrastructure.kafka().bootstrapServers(),
                "--tierwatch.redis.url=" + redis, "--spring.kafka.consumer.group-id=" + GROUP,
                "--tierwatch.topics.orders=" + inputs.get(0), "--tierwatch.topics.service-tickets=" + inputs.get(1),
                "--tierwatch.topics.customers=" + inputs.get(2),
                "--tierwatch.topics.tier-changes=" + PREFIX + ".customer-tier-changes"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command ends by itself").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("rebuild: state epoch \\S+, 1 keys deleted, 1 events to replay");
        String epoch;
        try (Jedis jedis = RealInfrastructure.redis().connect()) {
            jedis.select(DATABASE);
            assertThat(jedis.exists(LedgerKeys.state(customer))).as("the state is deleted").isFalse();
            String marker = jedis.get(LedgerKeys.epoch(0));
            assertThat(marker).as("a new state epoch's marker").isNotNull();
            epoch = marker.split(" ", 2)[0];
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            assertThat(offsets).hasSize(9).allSatisfy((tp, o) -> {
                assertThat(o.offset()).as(tp + " at the earliest offset").isZero();
                assertThat(o.metadata()).as(tp + " carries the new epoch").isEqualTo(StateEpoch.metadata(epoch));
            });
        }
    }

    /** The runnable jar the package phase built (the ITs run after it). */
    private static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("scoring-service-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no scoring-service exec jar in target/: mvn package first"));
        }
    }
}
