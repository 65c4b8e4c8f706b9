package io.tierwatch.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tierwatch.contracts.Tier;
import io.tierwatch.notification.Events;
import io.tierwatch.notification.NotificationServiceIT;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

class EmailAlertIT extends NotificationServiceIT {

    @Test
    void emailsTheOwnerAPlainTextAndAnHtmlVersionOverSmtp() throws Exception {
        String customerId = newCustomerId();
        givenCustomer(customerId, "Mail & Sons <Ltd>", "rep-1", false);

        Events.send(Events.tierChange(customerId, 2, Tier.B, Tier.D, -98_765, Set.of()));

        MimeMessage message = await().atMost(Duration.ofSeconds(30)).until(() -> messagesAbout(customerId), m -> !m.isEmpty())
                .get(0);
        assertThat(message.getSubject()).contains("[ACT]", "Mail & Sons <Ltd>", "B -> D");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("wang.wei@tierwatch.test");
        assertThat(message.getFrom()[0].toString()).isEqualTo("alerts@tierwatch.test");
        List<String> parts = parts(message);
        assertThat(parts).anySatisfy(p -> assertThat(p).startsWith("text/plain").contains("-987.65", customerId));
        assertThat(parts).anySatisfy(p -> assertThat(p).startsWith("text/html")
                .contains("Mail &amp; Sons &lt;Ltd&gt;", "-987.65").doesNotContain("<Ltd>"));
    }

    private static List<MimeMessage> messagesAbout(String customerId) throws Exception {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getHeader("X-Tierwatch-Event-Id", null).equals("tier:" + customerId + ":2");
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** Every leaf part as "content type: content". */
    private static List<String> parts(MimeMessage message) throws Exception {
        List<String> parts = new java.util.ArrayList<>();
        collect(message.getContent(), message.getContentType(), parts);
        return parts;
    }

    private static void collect(Object content, String type, List<String> parts) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), parts);
            }
        } else {
            parts.add(type.toLowerCase() + ": " + content);
        }
    }
}
