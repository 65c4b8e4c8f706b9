package io.tierwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Topics;
import io.tierwatch.testsupport.KafkaProbe;
import io.tierwatch.testsupport.RealInfrastructure;
import tools.jackson.databind.JsonNode;
import io.tierwatch.harness.ServiceProcess;
import io.tierwatch.harness.WebhookReceiver;

/**
 * The walking skeleton, for real: the three services as separate processes, a real Kafka
 * broker and a real Redis. A customer is made profitable by an order, then pushed into loss by
 * a costly service ticket; its owner's webhook must get exactly one loss alert.
 */
@ExtendWith(RealInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerSlidesIntoLossEndToEndIT {

    static final String SECRET = "e2e-secret";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static WebhookReceiver webhook;
    static ServiceProcess orders;
    static ServiceProcess scoring;
    static ServiceProcess notifications;

    @BeforeAll
    static void startTheSystem() throws IOException {
        webhook = WebhookReceiver.verifying(SECRET);
        List<String> infra = List.of(
                "--spring.kafka.bootstrap-servers=" + RealInfrastructure.kafka().bootstrapServers(),
                "--tierwatch.redis.url=" + RealInfrastructure.redis().url());
        orders = Services.start("order-service", infra);
        scoring = Services.start("scoring-service", infra);
        notifications = Services.start("notification-service", concat(infra, List.of(
                "--tierwatch.reps[0].id=rep-e2e",
                "--tierwatch.reps[0].name=E2E Rep",
                "--tierwatch.reps[0].email=rep-e2e@localhost",
                "--tierwatch.reps[0].webhook-url=" + webhook.url(),
                "--tierwatch.delivery.webhook-allow-list[0]=" + java.net.URI.create(webhook.url()).resolve("/"),
                "--tierwatch.reps[0].webhook-secret=" + SECRET)));
        for (ServiceProcess service : List.of(orders, scoring, notifications)) {
            service.awaitHealthy(Services.START);
        }
    }

    @AfterAll
    static void stopTheSystem() {
        for (AutoCloseable part : new AutoCloseable[] {notifications, scoring, orders, webhook}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception ignored) {
                // best effort: the next part must still stop
            }
        }
    }

    @Test
    @Order(1)
    void alertsTheOwnerOnceWhenACustomerSlidesFromProfitIntoLoss() throws Exception {
        String customer = "c-e2e-" + System.nanoTime();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try (KafkaProbe tierChanges = KafkaProbe.watching(Topics.CUSTOMER_TIER_CHANGES)) {
            send("PUT", orders, "/api/v1/customers/" + customer, """
                    {"name":"Hovering Ltd","ownerRepId":"rep-e2e","customerSince":"2024-01-15","strategic":false}""");
            // revenue 1000.00, cost of goods 600.00: a gross margin of 400.00
            send("POST", orders, "/api/v1/orders", """
                    {"orderId":"o-%s","customerId":"%s","occurredAt":"%s","currency":"EUR",
                     "lines":[{"sku":"pump","quantity":10,"unitPrice":"100.00","unitCost":"60.00"}]}"""
                    .formatted(customer, customer, now));
            awaitTier(tierChanges, customer, t -> t.newTier() != Tier.D);

            // 4 h of labour at 90.00 (360.00) + parts 200.00 + travel 50.00 = 610.00 to serve
            send("POST", orders, "/api/v1/service-tickets", """
                    {"ticketId":"t-%s","customerId":"%s","occurredAt":"%s","currency":"EUR",
                     "labourMinutes":240,"labourRatePerHour":"90.00","partsCost":"200.00","partsBilled":"0.00",
                     "travelCost":"50.00","expedited":true,"expediteCost":"0.00","amountBilled":"0.00"}"""
                    .formatted(customer, customer, now));
            CustomerTierChanged loss = awaitTier(tierChanges, customer, t -> t.newTier() == Tier.D);
            assertThat(loss.window().profit().toDecimalString()).isEqualTo("-210.00");
        }

        List<WebhookReceiver.Delivery> alerts = Awaitility.await("the owner's loss alert")
                .atMost(Duration.ofSeconds(60))
                .until(() -> alertsFor(customer), list -> !list.isEmpty());
        // and no second alert for the same transition
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> alertsFor(customer).size() == 1);

        WebhookReceiver.Delivery alert = alerts.get(0);
        assertThat(alert.signatureValid()).as("HMAC signature verifies with the rep's secret").isTrue();
        JsonNode body = CloudEventsKafka.json().readTree(alert.body());
        assertThat(body.path("customerId").asString()).isEqualTo(customer);
        assertThat(body.path("previousTier").asString()).isIn("A", "B");
        assertThat(body.path("newTier").asString()).isEqualTo("D");
        assertThat(alert.body()).contains("-210.00");

        // the owner reads the customer and the alert with their own login; another rep finds neither
        assertThat(get(scoring, "rep-e2e", "/api/v1/customers/" + customer).statusCode()).isEqualTo(200);
        assertThat(get(notifications, "rep-e2e", "/api/v1/alerts").body()).contains(customer);
        assertThat(get(scoring, "rep-b", "/api/v1/customers/" + customer).statusCode()).isEqualTo(404);
        assertThat(get(notifications, "rep-b", "/api/v1/alerts").body()).doesNotContain(customer);
    }

    /** After a customer's slide (so that the tier and delivery meters exist), and one refused request. */
    @Test
    @Order(2)
    void everyMetricTheDashboardAndTheAlertRulesUseIsInTheServicesScrapes() throws Exception {
        HTTP.send(Services.request(orders, "/api/v1/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        java.util.Set<String> used = MonitoringNames.used();
        assertThat(used).as("metrics in ops/grafana and ops/prometheus").isNotEmpty();

        // the Kafka clients' per-partition meters (records_lag) are bound at the binder's next refresh, within a minute
        Awaitility.await("every metric the dashboard and the rules use").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    java.util.Set<String> scraped = new java.util.TreeSet<>();
                    for (ServiceProcess service : List.of(orders, scoring, notifications)) {
                        String scrape = HTTP.send(HttpRequest.newBuilder(service.url("/actuator/prometheus")).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        // one series per topic: the clients' second name for it (dots as underscores) is dropped
                        assertThat(scrape).doesNotContain("topic=\"tierwatch_");
                        scraped.addAll(MonitoringNames.scraped(scrape));
                    }
                    assertThat(scraped).as("the services' scrapes").containsAll(used);
                });
    }

    private static HttpResponse<String> get(ServiceProcess service, String user, String path) throws Exception {
        return HTTP.send(Services.requestAs(service, user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<WebhookReceiver.Delivery> alertsFor(String customer) {
        return webhook.deliveries().stream().filter(d -> d.body().contains("\"" + customer + "\"")).toList();
    }

    private static CustomerTierChanged awaitTier(KafkaProbe probe, String customer,
            java.util.function.Predicate<CustomerTierChanged> matching) {
        return Awaitility.await("tier change of " + customer).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> probe.events(Topics.CUSTOMER_TIER_CHANGES).stream()
                        .map(EventEnvelope::data).filter(CustomerTierChanged.class::isInstance)
                        .map(CustomerTierChanged.class::cast)
                        .filter(t -> t.customerId().equals(customer) && matching.test(t))
                        .findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static void send(String method, ServiceProcess service, String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(Services.request(service, path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
