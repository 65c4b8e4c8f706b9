import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates Tierwatch's topics (and their dead-letter topics) if they are missing, in one JVM.
 * Run by ./tierwatch up: java -cp <kafka classpath> local-stack/CreateTopics.java <bootstrap>.
 * The customers topic is compacted: the latest master data per customer is the truth.
 */
public class CreateTopics {

    static final List<String> TOPICS = List.of("tierwatch.orders", "tierwatch.service-tickets", "tierwatch.customers",
            "tierwatch.customer-tier-changes", "tierwatch.alert-deliveries");

    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", args[0]))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String base : TOPICS) {
                for (String name : List.of(base, base + ".DLT")) {
                    if (!existing.contains(name)) {
                        NewTopic topic = new NewTopic(name, 3, (short) 1);
                        missing.add(name.equals("tierwatch.customers") ? topic.configs(Map.of("cleanup.policy", "compact")) : topic);
                    }
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            System.out.println("topics ready (" + missing.size() + " created)");
        }
    }
}
