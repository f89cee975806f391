package org.iom.dna.notification.channel;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.iom.dna.notification.client.MemberContact;
import org.iom.dna.notification.config.NotificationConfig;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.message.CalendarInvite;
import org.iom.dna.notification.message.Notice;
import org.iom.dna.notification.message.NoticeWriter;

/** E-mail through the SMTP server (quarkus-mailer): plain text and HTML in the member's language, with the invite. */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final Mailer mailer;
    private final Optional<Duration> pauseAfterSend;

    EmailSender(Mailer mailer, NotificationConfig config) {
        this.mailer = mailer;
        this.pauseAfterSend = config.fault().pauseAfterSend();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Optional<NoticeWriter.Recipient> recipient(MemberContact contact) {
        return ChannelSender.present(contact.email())
                .map(address -> new NoticeWriter.Recipient(contact.givenName(), false, address));
    }

    @Override
    public SendOutcome send(Delivery delivery, Notice notice, NoticeWriter.Recipient recipient) {
        String messageId = messageId(delivery);
        Mail mail = Mail.withText(recipient.address(), notice.subject(), notice.text())
                .setHtml(notice.html())
                // SMTP has no idempotency: a crash between the server's acceptance and recording SENT makes the
                // lease run out and the message go again. The same Message-ID lets mail systems and clients treat
                // the second copy as the same message.
                .addHeader("Message-ID", messageId)
                .addHeader("Content-Language", notice.language().tag());
        notice.invite()
                .ifPresent(invite -> mail.addAttachment(
                        "appointment.ics",
                        invite.ics().getBytes(StandardCharsets.UTF_8),
                        CalendarInvite.MEDIA_TYPE + "; method=" + invite.method() + "; charset=UTF-8"));
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            return classify(e);
        }
        pauseAfterSend.ifPresent(EmailSender::injectedPause);
        return new SendOutcome.Accepted(messageId);
    }

    /**
     * A permanent SMTP answer about the recipient (5xx with an addressing status such as 550 or 5.1.1), or an
     * address that is not one, is the recipient's; anything else (no connection, a timeout, 4xx) is an outage.
     */
    static SendOutcome classify(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                boolean addressing = smtp.getReplyCode() == 550
                        || smtp.getReplyCode() == 551
                        || smtp.getReplyCode() == 553
                        || (smtp.getEnhancedStatus() != null
                                && smtp.getEnhancedStatus().getSubject() == 1);
                return smtp.isPermanent() && addressing
                        ? new SendOutcome.Rejected("mail server refused the recipient (" + smtp.getReplyCode() + ")")
                        : new SendOutcome.Unavailable("mail server answered " + smtp.getReplyCode());
            }
            if (cause instanceof IllegalArgumentException) {
                return new SendOutcome.Rejected("not an e-mail address");
            }
        }
        return new SendOutcome.Unavailable(
                "mail server unreachable (" + e.getClass().getSimpleName() + ")");
    }

    /**
     * One Message-ID per delivery and attempt: a copy sent again after a crash (the attempt not yet recorded) has the
     * same one, so mail systems show one message; a resend staff asked for is a new message.
     */
    public static String messageId(Delivery delivery) {
        return "<" + delivery.id + "." + (delivery.attempts + 1) + "@dna-sampling.iom.example>";
    }

    private static void injectedPause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
