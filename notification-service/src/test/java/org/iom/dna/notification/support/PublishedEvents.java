package org.iom.dna.notification.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** The events this service recorded in its outbox for one sampling request, in the order it recorded them. */
public final class PublishedEvents {

    private PublishedEvents() {}

    @SuppressWarnings("unchecked")
    public static <T> List<T> of(EntityManager em, ObjectMapper json, UUID requestId, String type, Class<T> event) {
        List<String> payloads = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select payload from outbox_event where aggregate_key = ?1"
                                + " and event_type = ?2 order by position")
                        .setParameter(1, requestId.toString())
                        .setParameter(2, type)
                        .getResultList());
        return payloads.stream()
                .map(payload -> {
                    try {
                        return json.readValue(payload, event);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
