package org.iom.dna.platform.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting to be published, written in the same transaction as the state change it
 * describes. Every service has this table (platform's {@code db/platform} migration); the relay
 * publishes rows in {@code position} order and stamps {@code publishedAt}.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    /** The CloudEvents id; consumers de-duplicate on it. */
    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_key", nullable = false)
    public String key;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Times the broker refused the row for a reason other than being away. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** Set when the row is refused for good: it waits for an operator, with later rows of its key. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    /** The W3C trace context the event was recorded in, sent on as the record's traceparent header. */
    @Column(name = "traceparent")
    public String traceparent;

    /** The aggregate was erased before this row went out: its payload is emptied once the broker has it. */
    @Column(name = "erase_after_publish", nullable = false)
    public boolean eraseAfterPublish;
}
