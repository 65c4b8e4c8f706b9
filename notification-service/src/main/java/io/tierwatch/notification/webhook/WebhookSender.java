package io.tierwatch.notification.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.notification.NotificationProperties;
import io.tierwatch.notification.alerts.AlertText;
import io.tierwatch.notification.delivery.Channel;
import io.tierwatch.notification.delivery.ChannelSender;
import io.tierwatch.notification.delivery.Notice;
import io.tierwatch.notification.reps.Rep;
import io.tierwatch.notification.reps.WebhookTargets;

/**
 * POSTs the alert JSON to the rep's webhook, signed with the rep's secret. Anything but a 2xx
 * is a failure; errors name the host only, since webhook URLs often carry tokens.
 */
@Component
class WebhookSender implements ChannelSender {

    private final HttpClient http;
    private final Duration timeout;
    private final WebhookTargets targets;
    private final java.time.Clock clock;

    WebhookSender(NotificationProperties properties, WebhookTargets targets, java.time.Clock clock) {
        this.targets = targets;
        this.clock = clock;
        this.timeout = properties.delivery().webhookTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public boolean reaches(Rep rep) {
        return rep.webhookUrl() != null;
    }

    @Override
    public void send(Rep rep, Notice notice) throws IOException, InterruptedException {
        String refusal = targets.refusal(rep.webhookUrl());
        if (refusal != null) {
            // checked again at every delivery: DNS answers change after the URL was saved
            throw new IOException("webhook target refused: " + refusal);
        }
        byte[] body = CloudEventsKafka.json().writeValueAsBytes(payload(rep, notice));
        HttpRequest.Builder request = HttpRequest.newBuilder(rep.webhookUrl()).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Tierwatch-Event-Id", notice.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (rep.webhookSecret() != null && !rep.webhookSecret().isEmpty()) {
            long timestamp = clock.instant().getEpochSecond();
            request.header(StandardWebhookSignature.ID, notice.id())
                    .header(StandardWebhookSignature.TIMESTAMP, Long.toString(timestamp))
                    .header(StandardWebhookSignature.SIGNATURE,
                            StandardWebhookSignature.sign(rep.webhookSecret(), notice.id(), timestamp, body))
                    // the signature of earlier releases, over the body alone: kept for one release
                    .header(HmacSignature.HEADER, HmacSignature.sign(rep.webhookSecret(), body));
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IOException("webhook at " + rep.webhookUrl().getHost() + " unreachable: "
                    + e.getClass().getSimpleName(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook at " + rep.webhookUrl().getHost() + " answered " + response.statusCode());
        }
    }

    private static Object payload(Rep rep, Notice notice) {
        if (!notice.digest()) {
            return WebhookPayload.of(notice.alerts().get(0));
        }
        List<WebhookPayload> alerts = notice.alerts().stream().map(WebhookPayload::of).toList();
        String text = "Tierwatch digest: " + alerts.size() + " alert(s)\n"
                + notice.alerts().stream().map(a -> "• " + AlertText.text(a)).collect(Collectors.joining("\n"));
        return new WebhookPayload.Digest(notice.id(), rep.id(), alerts.size(), alerts, text);
    }
}
