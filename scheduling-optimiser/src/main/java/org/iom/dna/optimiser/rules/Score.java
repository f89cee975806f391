package org.iom.dna.optimiser.rules;

/**
 * A solution's figures under the one objective (see {@link Objective}).
 *
 * @param objective {@code unscheduledCost + waitingCost}: lower is better
 * @param unscheduledCost Σ unscheduled members × weight × {@link Objective#UNSCHEDULED_PENALTY}
 * @param waitingCost Σ scheduled members × weight × days from the earliest day to the appointment
 */
public record Score(
        long objective,
        long unscheduledCost,
        long waitingCost,
        int membersScheduled,
        int members,
        int familiesScheduled,
        int families) {

    public int membersUnscheduled() {
        return members - membersScheduled;
    }
}
