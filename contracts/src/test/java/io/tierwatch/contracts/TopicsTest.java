package io.tierwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyTopicIncludingEachDeadLetterTopicIsDefinedOnceAndKeptForever() {
        assertThat(Topics.all(3)).extracting(NewTopic::name).containsExactlyInAnyOrder(
                "tierwatch.orders", "tierwatch.orders.DLT", "tierwatch.service-tickets", "tierwatch.service-tickets.DLT",
                "tierwatch.customers", "tierwatch.customers.DLT", "tierwatch.customer-tier-changes",
                "tierwatch.customer-tier-changes.DLT", "tierwatch.alert-deliveries.DLT");
        assertThat(Topics.all(3)).allSatisfy(t -> {
            assertThat(t.numPartitions()).isEqualTo(3);
            assertThat(t.configs()).containsEntry("retention.ms", "-1");
        });
        assertThat(Topics.isMetricAlias("tierwatch_orders")).isTrue();
        assertThat(Topics.isMetricAlias("tierwatch_customer-tier-changes_DLT")).isTrue();
        assertThat(Topics.isMetricAlias("tierwatch_customer-tier-changes")).isTrue();
        assertThat(Topics.isMetricAlias("tierwatch.orders")).isFalse();
        assertThat(Topics.isMetricAlias("my_own_topic")).isFalse();
        assertThat(Topics.isMetricAlias(null)).isFalse();
        assertThat(Topics.all(3)).filteredOn(t -> "compact".equals(t.configs().get("cleanup.policy"))).isEmpty();
        assertThat(Topics.all(3)).filteredOn(t -> "LogAppendTime".equals(t.configs().get("message.timestamp.type")))
                .extracting(NewTopic::name)
                .containsExactlyInAnyOrder("tierwatch.orders", "tierwatch.service-tickets", "tierwatch.customers");
    }
}
