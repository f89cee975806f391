package org.iom.dna.optimiser.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.iom.dna.optimiser.model.Assignment;
import org.iom.dna.optimiser.model.Family;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Solution;

/**
 * The one objective every solver and report uses (lower is better):
 *
 * <pre>
 *   Σ unscheduled members × weight × 1,000  +  Σ scheduled members × weight × (day − earliestDay)
 * </pre>
 *
 * with weights 8 / 4 / 2 / 1 for UNACCOMPANIED_MINOR / MEDICAL / URGENT / STANDARD. A member left out costs as
 * much as 1,000 days of waiting, so no plan gains by leaving anybody out who could be seen within the deadline.
 */
public final class Objective {

    public static final int UNSCHEDULED_PENALTY = 1_000;

    private Objective() {}

    /** What leaving {@code family} unscheduled costs. */
    public static long unscheduledCost(Family family) {
        return (long) family.size() * family.weight() * UNSCHEDULED_PENALTY;
    }

    /** What seeing {@code family} on {@code day} costs. */
    public static long waitingCost(Family family, LocalDate day) {
        return (long) family.size() * family.weight() * ChronoUnit.DAYS.between(family.earliestDay(), day);
    }

    /**
     * Scores a solution. Assignments of unknown families are ignored and a family assigned twice counts once, at its
     * first assignment: check the hard rules first.
     */
    public static Score score(Instance instance, Solution solution) {
        Map<String, Family> families = instance.familiesById();
        Set<String> scheduled = new HashSet<>();
        long waiting = 0;
        int membersScheduled = 0;
        for (Assignment a : solution.assignments()) {
            Family family = families.get(a.family());
            if (family != null && scheduled.add(family.id())) {
                waiting += waitingCost(family, a.day());
                membersScheduled += family.size();
            }
        }
        long unscheduled = instance.families().stream()
                .filter(f -> !scheduled.contains(f.id()))
                .mapToLong(Objective::unscheduledCost)
                .sum();
        return new Score(
                unscheduled + waiting,
                unscheduled,
                waiting,
                membersScheduled,
                instance.members(),
                scheduled.size(),
                instance.families().size());
    }
}
