package org.iom.dna.scheduling.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iom.dna.scheduling.domain.OptimiserRun;
import org.iom.dna.scheduling.domain.OptimiserRunChange;

/**
 * A re-planning run as country offices read it.
 *
 * @param objectiveBefore the objective of the bookings before the run (lower is better: each member left unscheduled
 *     costs 1,000 days of waiting, weighted 8/4/2/1 by priority)
 * @param bestBound the lower bound the solver proved; equal to the objective of its plan when {@code optimal}
 * @param changes only in a single run's view: what it did to each family
 */
public record OptimiserRunView(
        UUID runId,
        String country,
        OptimiserRun.Trigger trigger,
        String requestedBy,
        Instant startedAt,
        Instant finishedAt,
        OptimiserRun.Outcome outcome,
        int families,
        int moved,
        int newlyBooked,
        int stillWaiting,
        Long objectiveBefore,
        Long objectiveAfter,
        Long bestBound,
        Boolean optimal,
        Long solveMillis,
        String solverStatus,
        String detail,
        List<Change> changes) {

    /** One family: moved from one tentative day to another, booked, or still waiting (with the reason). */
    public record Change(
            UUID requestId,
            OptimiserRunChange.Change change,
            String fromCentre,
            LocalDate fromDate,
            String toCentre,
            LocalDate toDate,
            String reason) {}

    static OptimiserRunView of(OptimiserRun run, boolean withChanges) {
        return new OptimiserRunView(
                run.id,
                run.country,
                run.trigger,
                run.requestedBy,
                run.startedAt,
                run.finishedAt,
                run.outcome,
                run.families,
                run.moved,
                run.newlyBooked,
                run.stillWaiting,
                run.objectiveBefore,
                run.objectiveAfter,
                run.bestBound,
                run.optimal,
                run.solveMillis,
                run.solverStatus,
                run.detail,
                withChanges
                        ? run.changes.stream()
                                .map(c -> new Change(
                                        c.requestId,
                                        c.change,
                                        c.fromCentre,
                                        c.fromDate,
                                        c.toCentre,
                                        c.toDate,
                                        c.reason))
                                .toList()
                        : null);
    }
}
