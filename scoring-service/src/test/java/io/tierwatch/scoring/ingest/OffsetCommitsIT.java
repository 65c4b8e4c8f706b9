package io.tierwatch.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.tierwatch.scoring.ScoringIT;
import io.tierwatch.testsupport.RealInfrastructure;

/**
 * The input listener commits itself, asynchronously, at most every 100 ms, through
 * {@link OffsetCommits}; on the real broker, an idle consumer whose committed offset is behind its
 * commit point (a failed commit of the last poll, or a timed-out one landing late) commits it.
 */
@ScoringIT
class OffsetCommitsIT {

    @Autowired
    OffsetCommits commits;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void theInputListenersCommitAsynchronouslyThroughItAndPublishIdleEvents() {
        assertThat(listeners.getListenerContainers()).isNotEmpty();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            // the container commits nothing itself: the listener commits its merge's commit points
            assertThat(container.getContainerProperties().getAckMode()).isEqualTo(ContainerProperties.AckMode.MANUAL);
            assertThat(container.getContainerProperties().getPollTimeout()).isEqualTo(1_000);
            assertThat(container.getContainerProperties().getConsumerRebalanceListener())
                    .isInstanceOf(ScoringListener.class);
            assertThat(container.getContainerProperties().getIdleEventInterval()).isEqualTo(100);
        }
    }

    @Test
    void anIdleConsumerWhoseCommittedOffsetIsBehindItsPositionCommitsThePosition() throws Exception {
        String topic = "offset-commits-it-" + UUID.randomUUID();
        String group = topic + "-group";
        TopicPartition partition = new TopicPartition(topic, 0);
        String bootstrap = RealInfrastructure.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "k", "v" + i)).get();
            }
            consumer.assign(List.of(partition));
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return read.size() == 3;
            });
            // the last poll's asynchronous commit failed: nothing is committed on the broker
            commits.onComplete(Map.of(partition, new OffsetAndMetadata(3)), new TimeoutException("request timed out"));
            assertThat(committed(admin, group, partition)).isEqualTo(-1);

            // the idle consumer's check, here with this test's consumer: the three records were applied
            Map<TopicPartition, Long> applied = Map.of(partition, 3L);
            commits.catchUpNow(consumer, applied);

            assertThat(committed(admin, group, partition)).isEqualTo(3);

            // a commit that had timed out lands late and moves the committed offset back
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(1)));
            commits.catchUpNow(consumer, applied);
            assertThat(committed(admin, group, partition)).isEqualTo(3);

            // nothing behind: nothing committed (a committed offset ahead of the commit point stays as it is)
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(3)));
            commits.catchUpNow(consumer, Map.of(partition, 2L));
            assertThat(committed(admin, group, partition)).isEqualTo(3);
        }
    }

    private static long committed(Admin admin, String group, TopicPartition partition) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(partition);
        return offset == null ? -1 : offset.offset();
    }
}
