package org.iom.dna.optimiser.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.iom.dna.optimiser.model.Assignment;
import org.iom.dna.optimiser.model.Centre;
import org.iom.dna.optimiser.model.CentreDay;
import org.iom.dna.optimiser.model.Family;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Solution;

/**
 * Checks a solution against the hard rules, independently of how it was made: no solver code is used here, so a
 * solver bug cannot hide itself. Every broken rule is reported, not only the first.
 */
public final class HardRules {

    private HardRules() {}

    /** @return the broken rules, empty if the solution keeps them all */
    public static List<Violation> check(Instance instance, Solution solution) {
        List<Violation> violations = new ArrayList<>();
        if (!instance.name().equals(solution.instance())) {
            violations.add(new Violation(
                    Violation.Kind.OTHER_INSTANCE,
                    null,
                    "solution is for instance '" + solution.instance() + "', not '" + instance.name() + "'"));
        }
        Map<String, Family> families = instance.familiesById();
        Map<String, Centre> centres = instance.centresByCode();
        Set<String> assigned = new HashSet<>();
        // Ordered so that the report lists centre-days in a stable order.
        Map<String, Map<LocalDate, Integer>> seen = new TreeMap<>();
        for (Assignment a : solution.assignments()) {
            Family family = families.get(a.family());
            Centre centre = centres.get(a.centre());
            if (family == null) {
                violations.add(new Violation(Violation.Kind.UNKNOWN_FAMILY, a.family(), "no such family"));
            }
            if (centre == null) {
                violations.add(
                        new Violation(Violation.Kind.UNKNOWN_CENTRE, a.family(), "no such centre " + a.centre()));
            }
            if (family == null || centre == null) {
                continue;
            }
            if (!assigned.add(family.id())) {
                violations.add(new Violation(Violation.Kind.ASSIGNED_TWICE, family.id(), "assigned more than once"));
            }
            violations.addAll(familyRules(family, centre, a.day()));
            seen.computeIfAbsent(centre.code(), c -> new TreeMap<>()).merge(a.day(), family.size(), Integer::sum);
        }
        seen.forEach((code, days) -> days.forEach((day, persons) -> {
            int capacity = centres.get(code).capacityOn(day);
            if (persons > capacity) {
                violations.add(new Violation(
                        Violation.Kind.OVER_CAPACITY,
                        null,
                        code + " on " + day + ": " + persons + " persons for a capacity of " + capacity));
            }
        }));
        return violations;
    }

    private static List<Violation> familyRules(Family family, Centre centre, LocalDate day) {
        List<Violation> violations = new ArrayList<>();
        if (!centre.country().equals(family.country())) {
            violations.add(new Violation(
                    Violation.Kind.OTHER_COUNTRY,
                    family.id(),
                    "centre " + centre.code() + " is in " + centre.country() + ", the family in " + family.country()));
        }
        if (day.isBefore(family.earliestDay())) {
            violations.add(new Violation(
                    Violation.Kind.BEFORE_EARLIEST_DAY,
                    family.id(),
                    day + " is before the earliest day " + family.earliestDay()));
        }
        if (day.isAfter(family.deadline())) {
            violations.add(new Violation(
                    Violation.Kind.AFTER_DEADLINE, family.id(), day + " is after the deadline " + family.deadline()));
        }
        if (family.needsInterpreter() && !speaks(centre, family.language())) {
            violations.add(new Violation(
                    Violation.Kind.NO_INTERPRETER,
                    family.id(),
                    centre.code() + " has no interpreter for " + family.language() + " (speaks " + centre.languages()
                            + ")"));
        }
        if (family.allowed() != null && !family.allowed().contains(new CentreDay(centre.code(), day))) {
            violations.add(new Violation(
                    Violation.Kind.NOT_ALLOWED,
                    family.id(),
                    centre.code() + " on " + day + " is not among the family's allowed centre-days"));
        }
        return violations;
    }

    /** "fa-AF" and "fa" are served by the same interpreter: only the primary language subtag is compared. */
    private static boolean speaks(Centre centre, String language) {
        String wanted = primarySubtag(language);
        return !wanted.isEmpty()
                && centre.languages().stream().anyMatch(l -> primarySubtag(l).equals(wanted));
    }

    private static String primarySubtag(String tag) {
        return tag == null ? "" : tag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }
}
