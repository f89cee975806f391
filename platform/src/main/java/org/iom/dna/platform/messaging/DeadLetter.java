package org.iom.dna.platform.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A record a consumer could not apply and will not retry by itself: one that breaks its contract, or
 * that failed the same unexplained way many times while the database answered. It keeps what an
 * operator needs to judge and replay it: where it came from, its headers, the reason. Parked in the
 * consumer's own database, so parking, and later replaying, commit with their effects.
 */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String consumer;

    @Column(nullable = false)
    public String topic;

    @Column(name = "kafka_partition", nullable = false)
    public int partition;

    @Column(name = "kafka_offset", nullable = false)
    public long offset;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "event_key")
    public String key;

    @Column(columnDefinition = "text")
    public String payload;

    /** The record's headers as text (CloudEvents metadata and content type). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> headers;

    @Column(nullable = false)
    public String reason;

    @Column(name = "parked_at", nullable = false)
    public Instant parkedAt;

    @Column(name = "replay_attempts", nullable = false)
    public int replayAttempts;

    @Column(name = "last_replay_error")
    public String lastReplayError;

    @Column(name = "replayed_at")
    public Instant replayedAt;

    /** APPLIED, or ALREADY_APPLIED when the inbox had seen the event (e.g. redelivered meanwhile). */
    @Column(name = "replay_outcome")
    public String replayOutcome;
}
