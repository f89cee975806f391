package org.iom.dna.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.AppointmentCancelledV1;
import org.iom.dna.events.AppointmentConfirmedV1;
import org.iom.dna.events.AttendanceRecordedV1;
import org.iom.dna.events.FamilyDeadlineAtRiskV1;
import org.iom.dna.events.FamilyUnreachableV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.MemberUnreachableV1;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.NotFound;

/**
 * The IND's webhook subscriptions, and the webhooks each case change becomes: one per event and subscription,
 * written in the same transaction as the event is consumed, and sent by {@link WebhookDispatcher}.
 */
@ApplicationScoped
public class WebhookService {

    /** The webhook {@code type} of each event the IND is told of. */
    static final Map<String, String> TYPES = Map.of(
            AppointmentBookedV1.TYPE, "appointment.booked",
            AppointmentConfirmedV1.TYPE, "appointment.confirmed",
            AppointmentCancelledV1.TYPE, "appointment.cancelled",
            FamilyWaitlistedV1.TYPE, "family.waitlisted",
            FamilyDeadlineAtRiskV1.TYPE, "family.deadline-at-risk",
            FamilyUnreachableV1.TYPE, "family.unreachable",
            AttendanceRecordedV1.TYPE, "attendance.recorded",
            MemberUnreachableV1.TYPE, "member.unreachable");

    private final WebhookDestinations destinations;
    private final ObjectMapper json;

    WebhookService(WebhookDestinations destinations, ObjectMapper json) {
        this.destinations = destinations;
        this.json = json;
    }

    /** A new subscription and its secret (the only time the secret is shown). */
    public record Subscribed(WebhookSubscription subscription, String secret) {}

    /** @throws InvalidRequest when the URL may not be called (see {@link WebhookDestinations}) */
    @Transactional
    public Subscribed subscribe(String url, String description, String actor) {
        destinations.refusal(url).ifPresent(reason -> {
            throw InvalidRequest.of("$.url", reason);
        });
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.url = url;
        s.secret = WebhookSignature.newSecret();
        s.description = description;
        s.createdBy = actor;
        s.createdAt = Instant.now();
        s.active = true;
        s.persist();
        return new Subscribed(s, s.secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookSubscription> subscriptions() {
        return WebhookSubscription.active();
    }

    /** Stops sending to the subscription; what it was sent stays on record. */
    @Transactional
    public void unsubscribe(UUID id) {
        WebhookSubscription s = WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .filter(found -> found.active)
                .orElseThrow(() -> new NotFound("webhook subscription " + id));
        s.active = false;
        WebhookDelivery.update(
                "status = ?1, lastError = ?2 where subscriptionId = ?3 and status = ?4",
                WebhookDelivery.Status.FAILED,
                "subscription removed",
                id,
                WebhookDelivery.Status.PENDING);
    }

    /**
     * The webhooks an event becomes, one per active subscription; an event the IND is not told of becomes none. The
     * same event again (a redelivery) adds nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String eventId, String eventType, UUID requestId, String payload) {
        String type = TYPES.get(eventType);
        if (type == null) {
            return;
        }
        Instant now = Instant.now();
        String body = body(type, now, payload);
        for (WebhookSubscription subscription : WebhookSubscription.active()) {
            if (WebhookDelivery.count("subscriptionId = ?1 and eventId = ?2", subscription.id, eventId) > 0) {
                continue;
            }
            WebhookDelivery d = new WebhookDelivery();
            d.id = UUID.randomUUID();
            d.subscriptionId = subscription.id;
            d.eventId = eventId;
            d.type = type;
            d.requestId = requestId;
            d.payload = body;
            d.status = WebhookDelivery.Status.PENDING;
            d.nextAttemptAt = now;
            d.createdAt = now;
            d.persist();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookDelivery> deliveries(Optional<WebhookDelivery.Status> status, Optional<UUID> requestId) {
        return WebhookDelivery.<WebhookDelivery>find("order by createdAt desc").stream()
                .filter(d -> status.map(s -> d.status == s).orElse(true))
                .filter(d -> requestId.map(r -> r.equals(d.requestId)).orElse(true))
                .limit(500)
                .toList();
    }

    /** Sends a parked webhook again, from its first attempt. */
    @Transactional
    public WebhookDelivery retry(UUID id) {
        WebhookDelivery d = WebhookDelivery.<WebhookDelivery>findByIdOptional(id)
                .orElseThrow(() -> new NotFound("webhook delivery " + id));
        if (d.status == WebhookDelivery.Status.FAILED) {
            d.status = WebhookDelivery.Status.PENDING;
            d.attempts = 0;
            d.nextAttemptAt = Instant.now();
        }
        return d;
    }

    /** The Standard Webhooks payload: {@code type}, {@code timestamp} and the event as {@code data}. */
    private String body(String type, Instant at, String payload) {
        try {
            ObjectNode body = json.createObjectNode();
            body.put("type", type);
            body.put("timestamp", at.toString());
            body.set("data", json.readTree(payload));
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an event payload is JSON", e);
        }
    }
}
