package org.iom.dna.notification.channel;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iom.dna.notification.client.MemberContact;
import org.iom.dna.notification.config.NotificationConfig;
import org.iom.dna.notification.domain.Channel;
import org.jboss.logging.Logger;

/** The channels in the order they are tried ({@code notification.channels}), each with the sender that serves it. */
@ApplicationScoped
public class Channels {

    private static final Logger LOG = Logger.getLogger(Channels.class);

    private final List<Channel> order;
    private final Map<Channel, ChannelSender> senders;

    Channels(NotificationConfig config, Instance<ChannelSender> available) {
        this.senders = available.stream()
                .filter(ChannelSender::available)
                .collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        this.order = config.channels().stream()
                .filter(senders::containsKey)
                .distinct()
                .toList();
        if (order.isEmpty()) {
            throw new IllegalStateException("notification.channels names no channel this service can send on: "
                    + config.channels() + " (available: " + senders.keySet() + ")");
        }
    }

    void announce(@Observes StartupEvent startup) {
        LOG.infof("families are reached on %s, in that order", order);
    }

    public Channel first() {
        return order.get(0);
    }

    /** The channel tried after {@code channel}; empty after the last. */
    public Optional<Channel> after(Channel channel) {
        int i = order.indexOf(channel);
        return i < 0 || i + 1 >= order.size() ? Optional.empty() : Optional.of(order.get(i + 1));
    }

    /**
     * The first channel after {@code channel} on which the member has an address, judged by the contact details
     * already fetched; empty when none has. Skipping the channels a member lacks spares a delivery row and a call to
     * intake for each.
     */
    public Optional<Channel> nextReachable(Channel channel, MemberContact contact) {
        Optional<Channel> next = after(channel);
        while (next.isPresent() && senders.get(next.get()).recipient(contact).isEmpty()) {
            next = after(next.get());
        }
        return next;
    }

    /** The sender of a channel, or empty when the channel is no longer offered. */
    public Optional<ChannelSender> sender(Channel channel) {
        return order.contains(channel) ? Optional.of(senders.get(channel)) : Optional.empty();
    }
}
