package org.iom.dna.notification.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iom.dna.notification.config.NotificationConfig;
import org.iom.dna.notification.service.Pauses;
import org.iom.dna.platform.messaging.OutageBackoff;
import org.jboss.logging.Logger;

/**
 * Sends due webhooks: signed, to a destination checked again just before (never following a redirect), retried
 * with exponential back-off and full jitter, parked as FAILED after {@code notification.webhooks.max-attempts}.
 * Rows are claimed with SKIP LOCKED under a lease, as deliveries are.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final EntityManager em;
    private final WebhookDestinations destinations;
    private final OutageBackoff backoff;
    private final NotificationConfig.Webhooks config;
    private final HttpClient http;

    WebhookDispatcher(
            EntityManager em, WebhookDestinations destinations, OutageBackoff backoff, NotificationConfig config) {
        this.em = em;
        this.destinations = destinations;
        this.backoff = backoff;
        this.config = config.webhooks();
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(this.config.timeout())
                .build();
    }

    @Scheduled(
            every = "${notification.dispatch-interval:1s}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        List<UUID> claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().call(this::claimDue);
            claimed.forEach(this::send);
        } while (!claimed.isEmpty());
    }

    @SuppressWarnings("unchecked")
    List<UUID> claimDue() {
        List<WebhookDelivery> due = em.createNativeQuery(
                        "select * from webhook_delivery where status = 'PENDING'"
                                + " and next_attempt_at <= now() order by next_attempt_at limit 20 for update skip locked",
                        WebhookDelivery.class)
                .getResultList();
        Instant leaseEnds = Instant.now().plus(LEASE);
        due.forEach(d -> d.nextAttemptAt = leaseEnds);
        return due.stream().map(d -> d.id).toList();
    }

    private record Answer(Integer status, String error) {}

    private void send(UUID id) {
        WebhookDelivery delivery = backoff.inTransaction(() -> WebhookDelivery.<WebhookDelivery>findById(id));
        WebhookSubscription subscription =
                backoff.inTransaction(() -> WebhookSubscription.<WebhookSubscription>findById(delivery.subscriptionId));
        Answer answer = post(delivery, subscription);
        backoff.inTransaction(() -> {
            record(id, answer);
            return null;
        });
    }

    private Answer post(WebhookDelivery delivery, WebhookSubscription subscription) {
        Optional<String> refusal = destinations.refusal(subscription.url);
        if (refusal.isPresent()) {
            return new Answer(null, "destination refused: URL " + refusal.get());
        }
        long timestamp = Instant.now().getEpochSecond();
        String webhookId = "msg_" + delivery.id;
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        WebhookSignature.sign(subscription.secret, webhookId, timestamp, delivery.payload))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Answer(status, null);
            }
            return new Answer(status, status >= 300 && status < 400 ? "redirect not followed" : "answered " + status);
        } catch (IOException e) {
            return new Answer(null, "unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted");
        }
    }

    private void record(UUID id, Answer answer) {
        WebhookDelivery d = em.find(WebhookDelivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (d.status != WebhookDelivery.Status.PENDING) {
            return; // the subscription was removed meanwhile
        }
        d.attempts++;
        d.lastStatus = answer.status();
        d.lastError = answer.error();
        if (answer.error() == null) {
            d.status = WebhookDelivery.Status.DELIVERED;
            d.deliveredAt = Instant.now();
        } else if (d.attempts >= config.maxAttempts()) {
            d.status = WebhookDelivery.Status.FAILED;
            LOG.warnf("webhook %s (%s) parked after %d attempts: %s", d.id, d.type, d.attempts, answer.error());
        } else {
            d.nextAttemptAt = Instant.now().plus(pause(d.attempts));
        }
    }

    /** Exponential back-off with jitter: between half and all of the doubled pause (capped), so retries spread out. */
    Duration pause(int attempts) {
        return Pauses.after(attempts, config.initialBackoff(), config.maxBackoff());
    }
}
