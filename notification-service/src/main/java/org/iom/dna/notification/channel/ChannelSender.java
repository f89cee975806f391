package org.iom.dna.notification.channel;

import java.util.Optional;
import org.iom.dna.notification.client.MemberContact;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.message.Notice;
import org.iom.dna.notification.message.NoticeWriter;

/**
 * One way of reaching a family member. A new provider is one more implementation (an {@code @ApplicationScoped}
 * bean); the order in which channels are tried is configuration ({@code notification.channels}).
 */
public interface ChannelSender {

    Channel channel();

    /** False when this deployment has no account with the provider (the channel is then skipped). */
    default boolean available() {
        return true;
    }

    /** Who this channel reaches for the member, or empty when the member has no address on it. */
    Optional<NoticeWriter.Recipient> recipient(MemberContact contact);

    /**
     * Hands the message to the provider. Never throws for a provider's answer: an outage is {@link
     * SendOutcome.Unavailable}, a refused recipient {@link SendOutcome.Rejected}.
     */
    SendOutcome send(Delivery delivery, Notice notice, NoticeWriter.Recipient recipient);

    /** An address worth trying: present and not blank. */
    static Optional<String> present(String address) {
        return address == null || address.isBlank() ? Optional.empty() : Optional.of(address.trim());
    }
}
