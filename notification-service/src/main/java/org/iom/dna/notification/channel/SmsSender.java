package org.iom.dna.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.iom.dna.notification.client.MemberContact;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.message.Notice;
import org.iom.dna.notification.message.NoticeWriter;

/** SMS to the member's own phone, through the SMSC. */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    private final SmppGateway smsc;

    SmsSender(SmppGateway smsc) {
        this.smsc = smsc;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Optional<NoticeWriter.Recipient> recipient(MemberContact contact) {
        return ChannelSender.present(contact.phone())
                .map(phone -> new NoticeWriter.Recipient(contact.givenName(), false, phone));
    }

    @Override
    public SendOutcome send(Delivery delivery, Notice notice, NoticeWriter.Recipient recipient) {
        return smsc.submit(recipient.address(), notice.sms());
    }
}
