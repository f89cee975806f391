package org.iom.dna.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.util.List;
import java.util.UUID;
import org.iom.dna.notification.domain.Delivery;
import org.junit.jupiter.api.Test;

/**
 * Only the recipient's failures count against a family; a mail server that is down or busy only delays the
 * message. And a message re-sent after a crash carries the same Message-ID, so mail systems show it once.
 */
class EmailSenderTest {

    @Test
    void shouldTreatARefusedMailboxAsTheRecipientsFailure() {
        SMTPException refused = new SMTPException("RCPT TO", 550, List.of("5.1.1 no such user"), false);

        assertThat(EmailSender.classify(new RuntimeException(refused))).isInstanceOf(SendOutcome.Rejected.class);
    }

    @Test
    void shouldTreatAnAddressThatIsNoneAsTheRecipientsFailure() {
        assertThat(EmailSender.classify(new IllegalArgumentException("not an address")))
                .isInstanceOf(SendOutcome.Rejected.class);
    }

    @Test
    void shouldTreatATemporaryRefusalAsAnOutage() {
        SMTPException busy = new SMTPException("RCPT TO", 451, List.of("4.3.0 try again later"), false);

        assertThat(EmailSender.classify(busy)).isInstanceOf(SendOutcome.Unavailable.class);
    }

    @Test
    void shouldTreatAPermanentRefusalThatIsNotAboutTheRecipientAsAnOutage() {
        SMTPException relay = new SMTPException("MAIL FROM", 554, List.of("5.7.1 relay denied"), false);

        assertThat(EmailSender.classify(relay)).isInstanceOf(SendOutcome.Unavailable.class);
    }

    @Test
    void shouldTreatAMailServerThatCannotBeReachedAsAnOutage() {
        assertThat(EmailSender.classify(new RuntimeException(new ConnectException("Connection refused"))))
                .isInstanceOf(SendOutcome.Unavailable.class);
    }

    @Test
    void shouldNameNoAddressInTheReason() {
        SMTPException refused = new SMTPException("RCPT TO", 550, List.of("5.1.1 <amina@example.org> unknown"), false);

        assertThat(((SendOutcome.Rejected) EmailSender.classify(refused)).reason())
                .doesNotContain("amina");
    }

    @Test
    void shouldDeriveTheMessageIdFromTheDelivery() {
        Delivery delivery = new Delivery();
        delivery.id = UUID.fromString("5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b");

        assertThat(EmailSender.messageId(delivery))
                .isEqualTo("<5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b.1@dna-sampling.iom.example>");
    }

    @Test
    void shouldKeepTheMessageIdWhenTheSameAttemptIsSentAgainAfterACrash() {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();

        assertThat(EmailSender.messageId(delivery)).isEqualTo(EmailSender.messageId(delivery));
    }

    @Test
    void shouldGiveAResendItsOwnMessageId() {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        String first = EmailSender.messageId(delivery);

        delivery.attempts++;

        assertThat(EmailSender.messageId(delivery)).isNotEqualTo(first);
    }

    @Test
    void shouldGiveEachDeliveryItsOwnMessageId() {
        Delivery first = new Delivery();
        first.id = UUID.randomUUID();
        Delivery second = new Delivery();
        second.id = UUID.randomUUID();

        assertThat(EmailSender.messageId(first)).isNotEqualTo(EmailSender.messageId(second));
    }
}
