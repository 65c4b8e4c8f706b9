package io.tierwatch.notification;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.tierwatch.notification.customers.CustomerDirectory;
import io.tierwatch.testsupport.RealInfrastructure;

/**
 * One running notification-service for every integration test class (one Spring context, so no
 * two instances with different reps compete for the same Redis queue), with its reps' webhook
 * receivers and a real SMTP server:
 * rep-1 immediate (webhook + email), rep-2 daily digest (webhook), rep-3 immediate (a webhook that
 * can be told to fail), boss a manager and the fallback for customers without an owner.
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=notification-service",
        "tierwatch.delivery.poll-interval=50ms",
        "tierwatch.delivery.max-attempts=3",
        "tierwatch.delivery.initial-backoff=100ms",
        "tierwatch.delivery.max-backoff=1s",
        "tierwatch.rules.fallback-rep-id=boss",
        "tierwatch.rules.cooldown=1h",
        "tierwatch.mail.from=alerts@tierwatch.test",
        "spring.mail.host=127.0.0.1",
        // the live page's login at the test auth-server (test-accounts.yml); no leeway on token expiry
        "spring.security.oauth2.client.registration.tierwatch.client-secret=secret-notification-service",
        "tierwatch.security.clock-skew=PT0S"})
public abstract class NotificationServiceIT {

    public static final WebhookReceiver REP_1 = WebhookReceiver.start("s3cret-rep-1");
    public static final WebhookReceiver REP_2 = WebhookReceiver.start("s3cret-rep-2");
    public static final WebhookReceiver REP_3 = WebhookReceiver.start("s3cret-rep-3");
    public static final WebhookReceiver BOSS = WebhookReceiver.start("s3cret-boss");
    /** A receiver a test points a rep at through the API (DeliveryFailureIT). */
    public static final WebhookReceiver FLAKY = WebhookReceiver.start("flaky-secret-0123456789");
    public static final GreenMail SMTP = startSmtp();

    @Autowired
    protected CustomerDirectory customers;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void reps(DynamicPropertyRegistry registry) {
        // A list binds from one property source only, so every rep is declared here, whole.
        rep(registry, 0, "rep-1", "Wang Wei", REP_1, "IMMEDIATE");
        registry.add("tierwatch.reps[0].email", () -> "wang.wei@tierwatch.test");
        rep(registry, 1, "rep-2", "Li Na", REP_2, "DIGEST");
        rep(registry, 2, "rep-3", "Zhang Min", REP_3, "IMMEDIATE");
        rep(registry, 3, "boss", "Chen Jie", BOSS, "IMMEDIATE");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        // the test's webhook receivers listen on loopback: each allowed by the deployment's list, as the
        // local stack's sink is; any other loopback port (another service) stays refused
        List<WebhookReceiver> receivers = List.of(REP_1, REP_2, REP_3, BOSS, FLAKY);
        for (int i = 0; i < receivers.size(); i++) {
            WebhookReceiver receiver = receivers.get(i);
            registry.add("tierwatch.delivery.webhook-allow-list[" + i + "]",
                    () -> java.net.URI.create(receiver.url()).resolve("/").toString());
        }
    }

    private static void rep(DynamicPropertyRegistry registry, int i, String id, String name, WebhookReceiver hook,
            String delivery) {
        String prefix = "tierwatch.reps[" + i + "].";
        registry.add(prefix + "id", () -> id);
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "webhook-url", hook::url);
        registry.add(prefix + "webhook-secret", hook::secret);
        registry.add(prefix + "delivery", () -> delivery);
    }

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-stop"));
        return mail;
    }

    protected static String newCustomerId() {
        return "c-" + UUID.randomUUID();
    }

    /** Publishes the customer's master data and waits until the service knows the owner. */
    protected void givenCustomer(String customerId, String name, String ownerRepId, boolean strategic) {
        Events.customer(customerId, name, ownerRepId, strategic);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> customers.find(customerId)
                .map(c -> java.util.Objects.equals(ownerRepId, c.ownerRepId())).orElse(false));
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
