package io.tierwatch.notification.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Tier;
import io.tierwatch.notification.Api;
import io.tierwatch.notification.Events;
import io.tierwatch.notification.NotificationServiceIT;

class LiveStreamIT extends NotificationServiceIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Stream<String>> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeStreams() {
        open.forEach(Stream::close);
    }

    @Test
    void aRepsStreamCarriesOnlyTheirAlertsAndAManagersCarriesEveryones() {
        List<String> rep1 = listen("rep-1");
        List<String> boss = listen("boss");
        String ofRep3 = newCustomerId();
        String ofRep1 = newCustomerId();
        givenCustomer(ofRep3, "Not Yours", "rep-3", false);
        givenCustomer(ofRep1, "Yours", "rep-1", false);

        Events.send(Events.tierChange(ofRep3, 2, Tier.A, Tier.D, -1, Set.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !REP_3.receivedFor(ofRep3).isEmpty());
        Events.send(Events.tierChange(ofRep1, 2, Tier.A, Tier.D, -1, Set.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> contains(rep1, ofRep1));
        assertThat(contains(rep1, ofRep3)).as("rep-1 never sees rep-3's alert").isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> contains(boss, ofRep1) && contains(boss, ofRep3));
        assertThat(rep1).anySatisfy(line -> assertThat(line).startsWith("event:").contains("alert"));
    }

    private List<String> listen(String rep) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> response = http.sendAsync(Api.as(baseUrl(), rep).request("/api/v1/alerts/stream")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines()).join();
        assertThat(response.statusCode()).isEqualTo(200);
        open.add(response.body());
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "sse-" + rep);
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static boolean contains(List<String> lines, String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }
}
