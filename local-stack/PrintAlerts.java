import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints notification-service's delivery log (the JSON of GET /api/v1/alerts, on stdin) as one
 * block per alert, newest first. Run by ./tierwatch alerts with the Kafka classpath (it has Jackson).
 */
public class PrintAlerts {

    public static void main(String[] args) throws IOException {
        JsonNode alerts = new ObjectMapper().readTree(System.in);
        if (alerts.isEmpty()) {
            System.out.println("no alerts yet");
            return;
        }
        for (JsonNode a : alerts) {
            System.out.printf("%s  %-6s %s (%s) %s -> %s, window profit %s, for %s [%s]%n", a.path("createdAt").asText(),
                    a.path("action").asText(), a.path("customerName").asText(), a.path("customerId").asText(),
                    a.path("previousTier").asText(), a.path("newTier").asText(), a.path("windowProfit").asText(),
                    a.path("repId").asText(), a.path("status").asText());
            System.out.println("    " + a.path("reason").asText());
            for (JsonNode d : a.path("deliveries")) {
                System.out.printf("    %s: %s after %d attempt(s)%s%n", d.path("channel").asText(), d.path("outcome").asText(),
                        d.path("attempts").asInt(), d.path("lastError").isNull() ? "" : " (" + d.path("lastError").asText() + ")");
            }
        }
    }
}
