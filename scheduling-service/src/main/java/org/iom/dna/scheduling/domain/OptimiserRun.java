package org.iom.dna.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One re-planning of a country's tentative bookings and waitlist: what it found and what it changed. */
@Entity
@Table(name = "optimiser_run")
public class OptimiserRun extends PanacheEntityBase {

    public enum Trigger {
        SCHEDULE,
        ON_DEMAND
    }

    public enum Outcome {
        /** The plan was applied (possibly changing nothing, when the bookings were already the best). */
        APPLIED,
        /** No tentative or waiting family in the country. */
        NOTHING_TO_PLAN,
        /** The solver or the database failed; nothing was changed. */
        FAILED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Trigger trigger;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(nullable = false)
    public int families;

    public int moved;

    @Column(name = "newly_booked")
    public int newlyBooked;

    @Column(name = "still_waiting")
    public int stillWaiting;

    @Column(name = "objective_before")
    public Long objectiveBefore;

    @Column(name = "objective_after")
    public Long objectiveAfter;

    @Column(name = "best_bound")
    public Long bestBound;

    public Boolean optimal;

    @Column(name = "solve_millis")
    public Long solveMillis;

    @Column(name = "solver_status")
    public String solverStatus;

    public String detail;

    @OneToMany(mappedBy = "run", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("change, requestId")
    public List<OptimiserRunChange> changes = new ArrayList<>();

    /** The latest runs, newest first; of one country when it is given. */
    public static List<OptimiserRun> latest(String country, int limit) {
        return (country == null
                        ? find("order by startedAt desc")
                        : find("country = ?1 order by startedAt desc", country))
                .page(0, limit)
                .list();
    }
}
