package io.tierwatch.order.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;

import io.tierwatch.testsupport.RealInfrastructure;

/**
 * A topic created before its definition said "kept forever" (the broker's 7-day default), or a
 * customers topic created compacted and stamped by its producers, gets the definition's settings
 * when order-service starts: its history is not deleted under a rebuild, and scoring's merge has
 * the broker's timestamps from then on.
 */
@ExtendWith(RealInfrastructure.class)
// closed after the class: a context with other topic names must not stay alive on the shared Redis,
// where its store recovery would read those (empty) topics and vouch for the others' records
@DirtiesContext
@SpringBootTest(properties = "spring.config.name=order-service", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TopicSettingsIT {

    private static final String LEGACY_ORDERS = "legacy-orders-" + System.nanoTime();
    private static final String LEGACY_CUSTOMERS = "legacy-customers-" + System.nanoTime();

    @DynamicPropertySource
    static void legacyTopics(DynamicPropertyRegistry registry) {
        RealInfrastructure.kafka().createTopics(List.of(
                new NewTopic(LEGACY_ORDERS, 3, (short) 1).configs(Map.of("retention.ms", "604800000")),
                new NewTopic(LEGACY_CUSTOMERS, 3, (short) 1).configs(Map.of("cleanup.policy", "compact"))));
        registry.add("tierwatch.topics.orders", () -> LEGACY_ORDERS);
        registry.add("tierwatch.topics.customers", () -> LEGACY_CUSTOMERS);
    }

    @Test
    void anExistingTopicGetsTheDefinitionsSettingsAtStart() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafka().bootstrapServers()))) {
            Config orders = config(admin, LEGACY_ORDERS);
            Config customers = config(admin, LEGACY_CUSTOMERS);

            assertThat(orders.get("retention.ms").value()).isEqualTo("-1");
            assertThat(customers.get("retention.ms").value()).isEqualTo("-1");
            assertThat(customers.get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(orders.get("message.timestamp.type").value()).isEqualTo("LogAppendTime");
            assertThat(customers.get("message.timestamp.type").value()).isEqualTo("LogAppendTime");
        }
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }
}
