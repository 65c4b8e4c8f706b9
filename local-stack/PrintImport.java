import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints an import's final status (the JSON of GET /api/v1/imports/{id}, on stdin): what it
 * published, why it stopped if it did, and the first rejected rows with file, line and reason.
 * Run by ./tierwatch import with the Kafka classpath (it has Jackson).
 */
public class PrintImport {

    private static final int SHOWN = 10;

    public static void main(String[] args) throws IOException {
        JsonNode s = new ObjectMapper().readTree(System.in);
        System.out.printf("%s %s import%s of %d file(s), %s%n", s.path("state").asText(),
                s.path("kind").asText().toLowerCase().replace('_', ' '),
                s.path("mapping").isTextual() ? " (mapping " + s.path("mapping").asText() + ")" : "",
                s.path("files").size(), s.path("currency").isTextual() ? s.path("currency").asText() : "no amounts");
        System.out.printf("  events published: %d orders, %d returns, %d customers, %d tickets; %d already published%n",
                s.path("ordersPublished").asLong(), s.path("returnsPublished").asLong(),
                s.path("customersPublished").asLong(), s.path("ticketsPublished").asLong(),
                s.path("eventsDuplicate").asLong());
        System.out.printf("  rows: %d read, %d published, %d already published, %d rejected, %d skipped (%s rows/s)%n",
                s.path("rowsRead").asLong(), s.path("rowsPublished").asLong(), s.path("rowsDuplicate").asLong(),
                s.path("rowsRejected").asLong(), s.path("rowsSkipped").asLong(), s.path("rowsPerSecond").asText());
        if (s.path("error").isTextual()) {
            System.out.println("  stopped: " + s.path("error").asText());
        }
        int shown = 0;
        for (JsonNode r : s.path("rejections")) {
            if (shown++ == SHOWN) {
                break;
            }
            System.out.printf("  rejected %s line %d: %s%n", r.path("file").asText(), r.path("line").asLong(),
                    r.path("reason").asText());
        }
        long more = s.path("rejections").size() - Math.min(shown, SHOWN) + s.path("rejectionsNotListed").asLong();
        if (more > 0) {
            System.out.printf("  ... and %d more rejection(s): GET /api/v1/imports/%s%n", more, s.path("importId").asText());
        }
    }
}
