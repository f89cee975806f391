package org.iom.dna.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** What a re-planning run did to one family: moved its tentative day, booked it, or left it waiting (and why). */
@Entity
@Table(name = "optimiser_run_change")
public class OptimiserRunChange extends PanacheEntityBase {

    public enum Change {
        MOVED,
        BOOKED,
        WAITING
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "run_id")
        public UUID runId;

        @Column(name = "request_id")
        public UUID requestId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(runId, k.runId) && Objects.equals(requestId, k.requestId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, requestId);
        }
    }

    @EmbeddedId
    public Key key = new Key();

    @MapsId("runId")
    @ManyToOne
    @JoinColumn(name = "run_id")
    public OptimiserRun run;

    @Column(name = "request_id", insertable = false, updatable = false)
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Change change;

    @Column(name = "from_centre")
    public String fromCentre;

    @Column(name = "from_date")
    public LocalDate fromDate;

    @Column(name = "to_centre")
    public String toCentre;

    @Column(name = "to_date")
    public LocalDate toDate;

    public String reason;

    public static OptimiserRunChange of(OptimiserRun run, UUID requestId, Change change) {
        OptimiserRunChange c = new OptimiserRunChange();
        c.run = run;
        c.key.requestId = requestId;
        c.requestId = requestId;
        c.change = change;
        return c;
    }
}
