package org.iom.dna.stubs.smsc;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the simulator received: complete messages (the parts of a concatenated message are buffered until the last
 * one arrives), the newest {@code maxMessages} of them, and the delivery receipts sent for their parts.
 */
final class MessageStore {

    /** Incomplete concatenated messages are forgotten after this long, or when too many are open at once. */
    static final Duration INCOMPLETE_TIMEOUT = Duration.ofHours(1);

    static final int MAX_INCOMPLETE = 1_000;

    /** One submit_sm as accepted. */
    record Part(
            String messageId,
            String systemId,
            String from,
            String to,
            int dataCoding,
            SmsCodec.Concat concat,
            byte[] body,
            Instant receivedAt) {}

    /** A complete message: one part, or all parts of a concatenated one in sequence order. */
    record Message(
            String id,
            List<String> partIds,
            String systemId,
            String from,
            String to,
            int dataCoding,
            String encoding,
            String text,
            Instant receivedAt) {

        int parts() {
            return partIds.size();
        }
    }

    /** A delivery receipt sent for one part. */
    record Receipt(String state, Instant sentAt) {}

    private record GroupKey(String from, String to, int reference) {}

    private static final class Group {
        final Instant openedAt;
        final int total;
        final TreeMap<Integer, Part> parts = new TreeMap<>();

        Group(Instant openedAt, int total) {
            this.openedAt = openedAt;
            this.total = total;
        }
    }

    private final int maxMessages;
    private final Deque<Message> messages = new ArrayDeque<>();
    private final LinkedHashMap<GroupKey, Group> incomplete = new LinkedHashMap<>();
    private final Map<String, Receipt> receipts;

    MessageStore(int maxMessages) {
        this.maxMessages = maxMessages;
        int maxReceipts = maxMessages * 4;
        this.receipts = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Receipt> eldest) {
                return size() > maxReceipts;
            }
        };
    }

    /** Records a part; returns the message it completes (at once for a part that is a message of its own). */
    synchronized Optional<Message> add(Part part) {
        SmsCodec.Concat concat = part.concat();
        if (concat == null || !concat.usable()) {
            return Optional.of(remember(List.of(part)));
        }
        forgetStaleGroups(part.receivedAt());
        GroupKey key = new GroupKey(part.from(), part.to(), concat.reference());
        Group group = incomplete.get(key);
        if (group != null && group.total != concat.total()) {
            // Same reference, different total: a new message that reuses the reference; the old one is incomplete.
            incomplete.remove(key);
            group = null;
        }
        if (group == null) {
            group = new Group(part.receivedAt(), concat.total());
            incomplete.put(key, group);
            if (incomplete.size() > MAX_INCOMPLETE) {
                Iterator<GroupKey> eldest = incomplete.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        // A part sent again (the ESME did not see our response) replaces the first copy.
        group.parts.put(concat.sequence(), part);
        if (group.parts.size() < group.total) {
            return Optional.empty();
        }
        incomplete.remove(key);
        return Optional.of(remember(List.copyOf(group.parts.values())));
    }

    private void forgetStaleGroups(Instant now) {
        Instant cutoff = now.minus(INCOMPLETE_TIMEOUT);
        incomplete.values().removeIf(group -> group.openedAt.isBefore(cutoff));
    }

    private Message remember(List<Part> parts) {
        Part first = parts.get(0);
        Part last = parts.get(parts.size() - 1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> ids = new ArrayList<>(parts.size());
        for (Part part : parts) {
            body.writeBytes(part.body());
            ids.add(part.messageId());
        }
        // Decoded as one text, so that a character split between two parts (a surrogate pair, a GSM escape) survives.
        Message message = new Message(
                first.messageId(),
                List.copyOf(ids),
                first.systemId(),
                first.from(),
                first.to(),
                first.dataCoding(),
                SmsCodec.encodingOf(first.dataCoding()),
                SmsCodec.decode(first.dataCoding(), body.toByteArray()),
                last.receivedAt());
        messages.addLast(message);
        while (messages.size() > maxMessages) {
            messages.removeFirst();
        }
        return message;
    }

    /** Complete messages, oldest first; with a number, only those to it (digits compared, so '+' does not matter). */
    synchronized List<Message> messages(String to) {
        String wanted = to == null ? "" : digits(to);
        List<Message> result = new ArrayList<>();
        for (Message message : messages) {
            if (wanted.isEmpty() || digits(message.to()).equals(wanted)) {
                result.add(message);
            }
        }
        return result;
    }

    synchronized void receiptSent(String partId, Receipt receipt) {
        receipts.put(partId, receipt);
    }

    /** The receipt of a message once one has been sent for each of its parts (the failed state wins), else empty. */
    synchronized Optional<Receipt> receiptOf(Message message) {
        String state = null;
        Instant sentAt = null;
        for (String partId : message.partIds()) {
            Receipt receipt = receipts.get(partId);
            if (receipt == null) {
                return Optional.empty();
            }
            if (state == null || !"DELIVRD".equals(receipt.state())) {
                state = receipt.state();
            }
            if (sentAt == null || receipt.sentAt().isAfter(sentAt)) {
                sentAt = receipt.sentAt();
            }
        }
        return state == null ? Optional.empty() : Optional.of(new Receipt(state, sentAt));
    }

    synchronized void clear() {
        messages.clear();
        incomplete.clear();
        receipts.clear();
    }

    static String digits(String address) {
        StringBuilder digits = new StringBuilder(address.length());
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
