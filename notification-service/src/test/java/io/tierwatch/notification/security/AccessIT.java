package io.tierwatch.notification.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Tier;
import io.tierwatch.notification.Api;
import io.tierwatch.notification.Events;
import io.tierwatch.notification.NotificationServiceIT;
import io.tierwatch.testsupport.ForgedTokens;
import io.tierwatch.testsupport.Tokens;

class AccessIT extends NotificationServiceIT {

    @Test
    void withoutLoginTheApiAndTheStreamAnswer401() {
        Api anonymous = Api.anonymous(baseUrl());
        assertThat(anonymous.get("/api/v1/alerts").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/alerts/stream").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/reps").status()).isEqualTo(401);
        assertThat(new Api(baseUrl(), ForgedTokens.tampered(Tokens.user("rep-1"))).get("/api/v1/alerts").status())
                .isEqualTo(401);
    }

    @Test
    void aRepAskingForAnotherRepsAlertsStreamOrSettingsGets403() {
        Api rep2 = Api.as(baseUrl(), "rep-2");
        Api.Response alerts = rep2.get("/api/v1/alerts?rep=rep-1");
        assertThat(alerts.status()).isEqualTo(403);
        assertThat(alerts.contentType()).startsWith("application/problem+json");
        assertThat(alerts.json().path("type").asString()).isEqualTo("urn:tierwatch:problem:forbidden");
        assertThat(rep2.get("/api/v1/alerts/stream?rep=rep-1").status()).isEqualTo(403);
        assertThat(rep2.get("/api/v1/reps/rep-1").status()).isEqualTo(403);
        assertThat(rep2.put("/api/v1/reps/rep-1", "{\"email\":\"x@example.com\"}").status()).isEqualTo(403);
    }

    @Test
    void aRepReadsOnlyTheirOwnAlertsAndAManagerReadsEveryonesOrOneRepsOnRequest() {
        String ofRep1 = newCustomerId();
        String ofRep3 = newCustomerId();
        givenCustomer(ofRep1, "Own Customer", "rep-1", false);
        givenCustomer(ofRep3, "Someone Else's", "rep-3", false);
        Events.send(Events.tierChange(ofRep1, 2, Tier.B, Tier.D, -5, Set.of()));
        Events.send(Events.tierChange(ofRep3, 2, Tier.B, Tier.D, -5, Set.of()));
        Api boss = Api.as(baseUrl(), "boss");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> boss.get("/api/v1/alerts?limit=500").body().contains(ofRep1) && boss.get("/api/v1/alerts?limit=500").body().contains(ofRep3));

        String rep1Alerts = Api.as(baseUrl(), "rep-1").get("/api/v1/alerts?limit=500").body();
        assertThat(rep1Alerts).contains(ofRep1).doesNotContain(ofRep3);
        String onlyRep3 = boss.get("/api/v1/alerts?rep=rep-3&limit=500").body();
        assertThat(onlyRep3).contains(ofRep3).doesNotContain(ofRep1);
    }

    @Test
    void theOwnerAcknowledgesAnAlertOnceAndAnotherRepCannot() {
        String customer = newCustomerId();
        givenCustomer(customer, "Acknowledged Ltd", "rep-1", false);
        Events.send(Events.tierChange(customer, 2, Tier.B, Tier.D, -5, Set.of()));
        Api rep1 = Api.as(baseUrl(), "rep-1");
        tools.jackson.databind.JsonNode alert = await().atMost(Duration.ofSeconds(30)).until(
                () -> java.util.stream.StreamSupport.stream(rep1.get("/api/v1/alerts?limit=500").json().spliterator(), false)
                        .filter(a -> customer.equals(a.get("customerId").asString())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        String path = "/api/v1/alerts/" + alert.get("alertId").asString() + "/acknowledgement";
        assertThat(alert.get("acknowledgedBy").isNull()).isTrue();

        assertThat(Api.as(baseUrl(), "rep-2").post(path, "").status()).isEqualTo(404);
        assertThat(new Api(baseUrl(), Tokens.client("reader")).post(path, "").status()).isEqualTo(403); // a system
        Api.Response first = rep1.post(path, "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("acknowledgedBy").asString()).isEqualTo("rep-1");
        String at = first.json().get("acknowledgedAt").asString();
        // the first acknowledgement stands; the manager's later one changes nothing
        Api.Response again = Api.as(baseUrl(), "boss").post(path, "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("acknowledgedBy").asString()).isEqualTo("rep-1");
        assertThat(again.json().get("acknowledgedAt").asString()).isEqualTo(at);
        assertThat(rep1.get("/api/v1/alerts?limit=500").body()).contains("\"acknowledgedBy\":\"rep-1\"");
        assertThat(rep1.post("/api/v1/alerts/no-such-alert/acknowledgement", "").status()).isEqualTo(404);
    }

    @Test
    void healthInfoAndPrometheusAreOpenAndNothingElseIs() {
        Api anonymous = Api.anonymous(baseUrl());
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/info").status()).isEqualTo(200);
        Api.Response prometheus = anonymous.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("tierwatch_alerts_total{", "tierwatch_alert_deliveries_total{",
                "tierwatch_alert_delivery_dead_letters_total{", "application=\"notification-service\"");
        assertThat(anonymous.get("/actuator/env").status()).isNotEqualTo(200);
        assertThat(anonymous.get("/actuator/beans").status()).isNotEqualTo(200);
    }

    @Test
    void theRepsApiNeverShowsSecretsOrPasswords() {
        Api.Response all = Api.as(baseUrl(), "boss").get("/api/v1/reps");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).contains("\"rep-1\"", "\"webhookSecretSet\":true", "127.0.0.1")
                .doesNotContain("s3cret", "pw-", "/hook");
        Api.Response own = Api.as(baseUrl(), "rep-1").get("/api/v1/reps");
        assertThat(own.json().valueStream().map(r -> r.path("id").asString())).containsExactly("rep-1");
    }

    @Test
    void aRepChangesTheirOwnChannelsAndInvalidInputIsAProblemNamingTheField() {
        Api rep3 = Api.as(baseUrl(), "rep-3");
        Api.Response invalid = rep3.put("/api/v1/reps/rep-3", "{\"webhookUrl\":\"ftp://example.com/x\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().path("field").asString()).isEqualTo("webhookUrl");

        // no server-side request forgery: an internal service, the cloud metadata address, plain http
        for (String target : new String[] {"http://127.0.0.1:8081/api/v1/orders", "https://127.0.0.1:8081/x",
                "https://169.254.169.254/latest/meta-data", "https://10.1.2.3/hook", "https://localhost/hook",
                "http://example.com/hook"}) {
            Api.Response refused = rep3.put("/api/v1/reps/rep-3", "{\"webhookUrl\":\"" + target + "\"}");
            assertThat(refused.status()).as(target).isEqualTo(400);
            assertThat(refused.json().path("field").asString()).isEqualTo("webhookUrl");
        }

        Api.Response badMode = rep3.put("/api/v1/reps/rep-3", "{\"delivery\":\"WEEKLY\"}");
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.json().path("field").asString()).isEqualTo("delivery");
        Api.Response badDate = rep3.post("/api/v1/customers/any/snooze", "{\"until\":\"someday\"}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.contentType()).startsWith("application/problem+json");
        assertThat(badDate.json().path("field").asString()).isEqualTo("until");

        Api.Response renamed = rep3.put("/api/v1/reps/rep-3", "{\"name\":\"Zhang Min (East)\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Zhang Min (East)");
        assertThat(renamed.json().path("delivery").asString()).isEqualTo("IMMEDIATE");
    }

    @Test
    void refusesTamperedForeignMisaddressedAndExpiredTokensWithAProblem() {
        for (String token : new String[] {ForgedTokens.tampered(Tokens.client("reader")),
                ForgedTokens.fromAnotherIssuer("notification-service", "alerts:read"),
                Tokens.client("order-only")}) { // alerts:read, but for order-service only
            Api.Response refused = new Api(baseUrl(), token).get("/api/v1/alerts");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Api expiring = new Api(baseUrl(), Tokens.client("short-lived", "alerts:read"));
        assertThat(expiring.get("/api/v1/alerts").status()).isEqualTo(200);
        await("the 2 s token expired").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> expiring.get("/api/v1/alerts").status() == 401);
    }

    @Test
    void aSystemNeedsAlertsReadAndThenSeesEveryRepsAlerts() {
        assertThat(Api.asClient(baseUrl(), "erp").get("/api/v1/alerts").status()).isEqualTo(403);
        String ofRep2 = newCustomerId();
        givenCustomer(ofRep2, "Read by a system", "rep-2", false);
        Events.send(Events.tierChange(ofRep2, 2, Tier.B, Tier.D, -5, Set.of()));
        Api reader = Api.asClient(baseUrl(), "reader");
        await().atMost(Duration.ofSeconds(30)).until(() -> reader.get("/api/v1/alerts?limit=500").body().contains(ofRep2));
    }

    @Test
    void aManagerSeesOnlyTheRepsOfTheirTeam() {
        Api managerA = Api.as(baseUrl(), "manager-a"); // team: rep-a, none of this directory's reps
        assertThat(managerA.get("/api/v1/alerts?rep=rep-1").status()).isEqualTo(403);
        assertThat(managerA.get("/api/v1/reps").json()).isEmpty();
        assertThat(Api.as(baseUrl(), "boss").get("/api/v1/alerts?rep=rep-a").status()).isEqualTo(403);
    }

    @Test
    void onlyTheRepOrAnAdminChangesWhereARepsAlertsGo() {
        String hook = "{\"webhookUrl\":\"" + REP_2.url() + "\"}";
        Api.Response byManager = Api.as(baseUrl(), "boss").put("/api/v1/reps/rep-2", hook);
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(Api.as(baseUrl(), "rep-1").put("/api/v1/reps/rep-2", hook).status()).isEqualTo(403);
        assertThat(Api.as(baseUrl(), "admin").put("/api/v1/reps/rep-2", hook).status()).isEqualTo(200);
        assertThat(Api.as(baseUrl(), "rep-2").put("/api/v1/reps/rep-2", hook).status()).isEqualTo(200);
        // the email is where alerts go too; the name and the digest setting a manager may change
        assertThat(Api.as(baseUrl(), "boss").put("/api/v1/reps/rep-2", "{\"email\":\"x@example.com\"}").status())
                .isEqualTo(403);
        assertThat(Api.as(baseUrl(), "boss").put("/api/v1/reps/rep-2", "{\"name\":\"Li Na\"}").status()).isEqualTo(200);
    }
}
