package org.iom.dna.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.iom.dna.notification.client.MemberContact;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.message.Notice;
import org.iom.dna.notification.message.NoticeWriter;

/**
 * SMS to the person a member named to pass messages on (members without a phone often share a relative's); the
 * text says whom it is for.
 */
@ApplicationScoped
public class ProxySender implements ChannelSender {

    private final SmppGateway smsc;

    ProxySender(SmppGateway smsc) {
        this.smsc = smsc;
    }

    @Override
    public Channel channel() {
        return Channel.PROXY;
    }

    @Override
    public Optional<NoticeWriter.Recipient> recipient(MemberContact contact) {
        if (contact.proxy() == null) {
            return Optional.empty();
        }
        return ChannelSender.present(contact.proxy().phone())
                .map(phone -> new NoticeWriter.Recipient(contact.proxy().name(), true, phone));
    }

    @Override
    public SendOutcome send(Delivery delivery, Notice notice, NoticeWriter.Recipient recipient) {
        return smsc.submit(recipient.address(), notice.sms());
    }
}
