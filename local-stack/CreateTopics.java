import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import io.tierwatch.contracts.Topics;

/**
 * Creates Tierwatch's topics (and their dead-letter topics) if they are missing, as
 * {@code contracts}' {@link Topics#all} defines them: kept forever, the customers topic compacted.
 * Run by ./tierwatch up and by docker-compose's kafka-topics step:
 * java -cp <kafka classpath>:<contracts jar> local-stack/CreateTopics.java <bootstrap>.
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", args[0]))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.all(Topics.DEFAULT_PARTITIONS).stream()
                    .filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            System.out.println("topics ready (" + missing.size() + " created)");
        }
    }
}
