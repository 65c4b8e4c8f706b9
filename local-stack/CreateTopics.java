import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

import io.tierwatch.contracts.Topics;

/**
 * Creates Tierwatch's topics (and their dead-letter topics) as {@code contracts}' {@link Topics#all}
 * defines them: kept forever, the inputs stamped with the broker's append time. A topic that exists with other
 * settings (created before the definition said so) gets the definition's settings; nothing else of
 * it changes. Run by ./tierwatch up and by docker-compose's kafka-topics step:
 * java -cp <kafka classpath>:<contracts jar> local-stack/CreateTopics.java <bootstrap>.
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", args[0]))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> all = Topics.all(Topics.DEFAULT_PARTITIONS);
            List<NewTopic> missing = all.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            int altered = align(admin, all.stream().filter(t -> existing.contains(t.name())).toList());
            System.out.println("topics ready (" + missing.size() + " created, " + altered + " given their settings)");
        }
    }

    private static int align(Admin admin, List<NewTopic> topics) throws Exception {
        if (topics.isEmpty()) {
            return 0;
        }
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
        Map<ConfigResource, Config> current = admin.describeConfigs(resources).all().get();
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (NewTopic topic : topics) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
            List<AlterConfigOp> ops = new ArrayList<>();
            topic.configs().forEach((key, value) -> {
                ConfigEntry entry = current.get(resource).get(key);
                if (entry == null || !value.equals(entry.value())) {
                    ops.add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
                }
            });
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get();
        }
        return changes.size();
    }
}
