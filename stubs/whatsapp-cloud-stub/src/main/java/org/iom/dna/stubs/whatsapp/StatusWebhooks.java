package org.iom.dna.stubs.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meta's status webhooks for accepted messages: "sent", then "delivered" (or "failed" for recipients ending in the
 * failed suffix), POSTed one after the other to the callback URL in Meta's shape and signed as Meta signs them
 * ({@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body with the app secret>}). A webhook that is not
 * answered 2xx is tried again after growing pauses, then given up on; either way the outcome is recorded on the
 * message.
 */
final class StatusWebhooks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusWebhooks.class);

    /** Meta's code for a message it could not deliver, as the "failed" status reports it. */
    static final int UNDELIVERABLE = 131026;

    private final WhatsAppConfig config;
    private final MessageStore store;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, threads("whatsapp-status"));
    private final ExecutorService clientThreads = Executors.newCachedThreadPool(threads("whatsapp-callback"));
    private final HttpClient http;
    private volatile boolean closed;

    StatusWebhooks(WhatsAppConfig config, MessageStore store) {
        this.config = config;
        this.store = store;
        this.http = HttpClient.newBuilder()
                .executor(clientThreads)
                // As Meta's webhooks come: no h2c upgrade dance with the receiver.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.callbackTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends the message's statuses, the first one after the configured delay. */
    void schedule(MessageStore.Message message) {
        List<String> statuses = List.of("sent", failing(message.to()) ? "failed" : "delivered");
        run(() -> send(message, statuses, 0), config.statusDelay());
    }

    boolean failing(String to) {
        return to.endsWith(config.failedSuffix());
    }

    private void send(MessageStore.Message message, List<String> statuses, int index) {
        String status = statuses.get(index);
        Instant timestamp = Instant.now();
        byte[] body = body(message, status, timestamp);
        HttpRequest request = HttpRequest.newBuilder(config.callbackUrl())
                .timeout(config.callbackTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "facebookexternalua")
                .header("X-Hub-Signature-256", "sha256=" + sign(body, config.appSecret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        attempt(request, 1, outcome -> {
            store.statusSettled(
                    message.id(), new MessageStore.Status(status, timestamp, outcome.callback(), outcome.attempts()));
            if (outcome.failed()) {
                LOG.warn(
                        "gave up on the \"{}\" status webhook of {} (to {}) after {} attempt(s): {}",
                        status,
                        message.id(),
                        MessageStore.mask(message.to()),
                        outcome.attempts(),
                        outcome.reason());
            } else {
                LOG.debug("\"{}\" status webhook of {} answered", status, message.id());
            }
            if (index + 1 < statuses.size()) {
                run(() -> send(message, statuses, index + 1), Duration.ZERO);
            }
        });
    }

    private record Outcome(int attempts, String reason) {
        boolean failed() {
            return reason != null;
        }

        String callback() {
            return reason == null ? "OK" : "FAILED (" + reason + ")";
        }
    }

    private void attempt(HttpRequest request, int attempt, Consumer<Outcome> settled) {
        if (closed) {
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            String reason;
            if (error != null) {
                reason = describe(error);
            } else if (response.statusCode() / 100 != 2) {
                reason = "HTTP " + response.statusCode();
            } else {
                settled.accept(new Outcome(attempt, null));
                return;
            }
            if (attempt >= config.callbackAttempts()) {
                settled.accept(new Outcome(attempt, reason));
                return;
            }
            Duration pause = config.callbackRetryInterval().multipliedBy(1L << Math.min(attempt - 1, 10));
            LOG.debug("status webhook attempt {} failed ({}); next in {} ms", attempt, reason, pause.toMillis());
            run(() -> attempt(request, attempt + 1, settled), pause);
        });
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private void run(Runnable task, Duration delay) {
        if (closed) {
            return;
        }
        try {
            scheduler.schedule(
                    () -> {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                            LOG.warn("sending a status webhook failed: {}", e.toString());
                        }
                    },
                    delay.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    /** The webhook Meta sends for one status of one message. */
    byte[] body(MessageStore.Message message, String status, Instant timestamp) {
        ObjectNode root = json.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject().put("id", config.businessAccountId());
        ObjectNode change = entry.putArray("changes").addObject();
        ObjectNode value = change.put("field", "messages").putObject("value").put("messaging_product", "whatsapp");
        value.putObject("metadata")
                .put("display_phone_number", config.displayPhoneNumber())
                .put("phone_number_id", config.phoneNumberId());
        ObjectNode item = value.putArray("statuses")
                .addObject()
                .put("id", message.id())
                .put("status", status)
                .put("timestamp", Long.toString(timestamp.getEpochSecond()))
                .put("recipient_id", message.to());
        if ("failed".equals(status)) {
            item.putArray("errors")
                    .addObject()
                    .put("code", UNDELIVERABLE)
                    .put("title", "Message undeliverable")
                    .put("message", "Message undeliverable")
                    .putObject("error_data")
                    .put("details", "Message Undeliverable.");
        }
        try {
            return json.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /** Hex HMAC-SHA256 of the exact bytes with the secret, as in {@code X-Hub-Signature-256: sha256=<hex>}. */
    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        clientThreads.shutdownNow();
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
