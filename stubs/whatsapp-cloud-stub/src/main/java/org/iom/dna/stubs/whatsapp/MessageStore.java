package org.iom.dna.stubs.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stub accepted: the newest {@code maxMessages} messages, oldest first, each with the status webhooks sent
 * for it and how each webhook went.
 */
final class MessageStore {

    /** One accepted message ({@code to} as sent: digits only). */
    record Message(String id, String to, String text, Instant receivedAt) {}

    /**
     * A status webhook once it is settled.
     *
     * @param status "sent", "delivered" or "failed"
     * @param timestamp when the status happened (the webhook's own timestamp)
     * @param callback {@code OK}, or {@code FAILED (<why>)} when the stub gave up on it
     * @param attempts how many POSTs it took
     */
    record Status(String status, Instant timestamp, String callback, int attempts) {}

    /** A message with its settled status webhooks, in the order they were sent. */
    record Entry(Message message, List<Status> statuses) {}

    private final LinkedHashMap<String, Entry> messages;

    MessageStore(int maxMessages) {
        this.messages = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxMessages;
            }
        };
    }

    synchronized void add(Message message) {
        messages.put(message.id(), new Entry(message, List.of()));
    }

    /** Records how a status webhook went; nothing when the message has been forgotten meanwhile. */
    synchronized void statusSettled(String messageId, Status status) {
        Entry entry = messages.get(messageId);
        if (entry == null) {
            return;
        }
        List<Status> statuses = new ArrayList<>(entry.statuses());
        statuses.add(status);
        // replace() keeps the entry's place in the insertion order.
        messages.replace(messageId, new Entry(entry.message(), List.copyOf(statuses)));
    }

    /** Messages, oldest first; with a number, only those to it (digits compared, so '+' and spaces do not matter). */
    synchronized List<Entry> messages(String to) {
        String wanted = to == null ? "" : digits(to);
        List<Entry> result = new ArrayList<>();
        for (Entry entry : messages.values()) {
            if (wanted.isEmpty() || entry.message().to().equals(wanted)) {
                result.add(entry);
            }
        }
        return result;
    }

    synchronized void clear() {
        messages.clear();
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

    /** A number as logs may show it: only its last four digits. */
    static String mask(String number) {
        String digits = digits(number);
        if (digits.length() <= 4) {
            return "*".repeat(digits.length());
        }
        return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }
}
