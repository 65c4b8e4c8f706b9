package io.tierwatch.notification.email;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.tierwatch.notification.NotificationProperties;
import io.tierwatch.notification.delivery.Channel;
import io.tierwatch.notification.delivery.ChannelSender;
import io.tierwatch.notification.delivery.Notice;
import io.tierwatch.notification.reps.Rep;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Emails the alert (plain text and HTML in one message) over SMTP. A channel only when a mail
 * server is configured ({@code spring.mail.host}) and the rep has an address.
 */
@Component
class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.mail = mail;
        this.from = properties.mail().from();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean reaches(Rep rep) {
        return rep.email() != null && !rep.email().isBlank() && mail.getIfAvailable() != null;
    }

    @Override
    public void send(Rep rep, Notice notice) throws MessagingException {
        JavaMailSender sender = mail.getObject();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(rep.email());
        helper.setSubject(EmailContent.subject(notice));
        helper.setText(EmailContent.plain(notice), EmailContent.html(notice));
        message.setHeader("X-Tierwatch-Event-Id", notice.id());
        sender.send(message);
    }
}
