package org.iom.dna.optimiser.solve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iom.dna.optimiser.model.Assignment;
import org.iom.dna.optimiser.model.CentreDay;
import org.iom.dna.optimiser.model.Family;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Priority;
import org.iom.dna.optimiser.model.Solution;

/**
 * Of the plans as good as a solver's, the one closest to the bookings already made. Families of the same priority,
 * size and earliest day cost the same wherever they go, so the solver may hand out their days among them in any order
 * (and leave out any one of them): each such re-plan would move families for nothing. Within each group of such
 * families this hands the group's planned days (and "no day") back to the families that hold them already, and the
 * rest to the others where they are allowed. The objective and the persons per centre-day stay exactly those of the
 * plan given; a group where the exchange would break a family's allowed days keeps the plan as it was.
 */
public final class LeastChange {

    private LeastChange() {}

    /** Families that cost the same on every day and need the same interpreter, if any. */
    private record Group(Priority priority, int size, LocalDate earliestDay, String interpreter) {}

    /**
     * @param plan a plan for {@code instance}
     * @param current the bookings held before the plan (families not listed hold none)
     * @return a plan of the same objective and the same load on every centre-day, with as few families changed as
     *     exchanging days within groups allows
     */
    public static Solution closestTo(Instance instance, Solution plan, Solution current) {
        Map<String, CentreDay> planned = days(plan);
        Map<String, CentreDay> held = days(current);
        Map<Group, List<Family>> groups = new HashMap<>();
        for (Family f : instance.families()) {
            String interpreter = f.needsInterpreter() ? f.language() : null;
            groups.computeIfAbsent(
                            new Group(f.priority(), f.size(), f.earliestDay(), interpreter), g -> new ArrayList<>())
                    .add(f);
        }
        Map<String, CentreDay> result = new HashMap<>(planned);
        for (List<Family> group : groups.values()) {
            if (group.size() > 1) {
                exchange(group, planned, held).ifPresent(result::putAll);
            }
        }
        List<Assignment> assignments = new ArrayList<>();
        for (Family f : instance.families()) {
            CentreDay day = result.get(f.id());
            if (day != null) {
                assignments.add(new Assignment(f.id(), day.centre(), day.day()));
            }
        }
        return new Solution(plan.instance(), assignments);
    }

    /** The group's days handed out anew, or empty to keep the plan (a family would get a day it is not allowed). */
    private static Optional<Map<String, CentreDay>> exchange(
            List<Family> group, Map<String, CentreDay> planned, Map<String, CentreDay> held) {
        // The group's targets; null stands for "no day", which is a target as much as any day.
        List<CentreDay> targets = new ArrayList<>();
        group.forEach(f -> targets.add(planned.get(f.id())));
        Map<String, CentreDay> given = new HashMap<>();
        List<Family> rest = new ArrayList<>();
        for (Family f : group) {
            CentreDay mine = held.get(f.id());
            int at = indexOf(targets, mine);
            if (at >= 0 && fits(f, mine)) {
                targets.remove(at);
                given.put(f.id(), mine);
            } else {
                rest.add(f);
            }
        }
        for (Family f : rest) {
            int at = -1;
            for (int i = 0; i < targets.size() && at < 0; i++) {
                CentreDay t = targets.get(i);
                if (fits(f, t)) {
                    at = i;
                }
            }
            if (at < 0) {
                return Optional.empty();
            }
            given.put(f.id(), targets.remove(at));
        }
        Map<String, CentreDay> result = new HashMap<>();
        group.forEach(f -> result.put(f.id(), given.get(f.id())));
        return Optional.of(result);
    }

    /** Whether the family may have the day as far as its own rules go (the group shares everything else). */
    private static boolean fits(Family f, CentreDay day) {
        return day == null || (f.allows(day.centre(), day.day()) && !day.day().isAfter(f.deadline()));
    }

    private static int indexOf(List<CentreDay> targets, CentreDay day) {
        for (int i = 0; i < targets.size(); i++) {
            if (Objects.equals(targets.get(i), day)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, CentreDay> days(Solution solution) {
        Map<String, CentreDay> days = new HashMap<>();
        if (solution != null) {
            solution.assignments().forEach(a -> days.put(a.family(), new CentreDay(a.centre(), a.day())));
        }
        return days;
    }
}
