package io.tierwatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tierwatch.contracts.Topics;

/** The topics as Tierwatch creates them ({@link Topics#newTopic}) are what a real broker then holds. */
@ExtendWith(RealInfrastructure.class)
class TopicShapesIT {

    @Test
    void everyTopicKeepsItsHistoryForeverAndTheInputsAreStampedByTheBroker() throws Exception {
        // under other names, so that the check is of topics this test created, not of earlier ones
        String suffix = "-shape-" + System.nanoTime();
        List<NewTopic> topics = Topics.all(2).stream()
                .map(t -> Topics.newTopic(t.name() + suffix, 2, Topics.isInput(t.name())))
                .toList();
        RealInfrastructure.kafka().createTopics(topics);

        Map<String, Config> configs = describe(topics.stream().map(NewTopic::name).toList());

        assertThat(configs).hasSize(Topics.all(2).size());
        configs.forEach((name, config) -> {
            assertThat(config.get("retention.ms").value()).as(name + " retention.ms").isEqualTo("-1");
            assertThat(config.get("cleanup.policy").value()).as(name + " cleanup.policy").isEqualTo("delete");
            boolean input = Topics.isInput(name.substring(0, name.length() - suffix.length()));
            assertThat(config.get("message.timestamp.type").value()).as(name + " message.timestamp.type")
                    .isEqualTo(input ? "LogAppendTime" : "CreateTime");
        });
    }

    private static Map<String, Config> describe(Collection<String> names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafka().bootstrapServers()))) {
            List<ConfigResource> resources = names.stream()
                    .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
            return admin.describeConfigs(resources).all().get().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
        }
    }
}
