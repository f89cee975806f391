package org.iom.dna.optimiser.solve;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.iom.dna.optimiser.model.Assignment;
import org.iom.dna.optimiser.model.Centre;
import org.iom.dna.optimiser.model.Family;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Solution;
import org.iom.dna.optimiser.rules.Objective;

/**
 * Where and when each family could be seen if it were alone: the centre-days of its country, in the horizon,
 * between its earliest day and its deadline, with an interpreter if it needs one, with room for all its
 * members, and among the centre-days it is allowed if it names them. Every solver chooses among these and only these, so the rules the checker tests hold by construction
 * except capacity, which the solvers share out.
 *
 * <p>Centre-days and families are numbered for the solvers' arrays. A family's openings are in its order of
 * preference: by day, and on the same day its preferred centre first, then the centres in the instance's order.
 */
public final class Openings {

    private final Instance instance;
    private final List<Family> families;
    private final String[] centre;
    private final LocalDate[] day;
    private final int[] capacity;
    private final int[][] options;

    private Openings(Instance instance) {
        this.instance = instance;
        this.families = instance.families();
        List<Centre> centres = instance.centres();
        int[][] index = new int[centres.size()][instance.days()];
        List<String> codes = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        List<Integer> room = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            Arrays.fill(index[c], -1);
            for (int d = 0; d < instance.days(); d++) {
                LocalDate date = instance.firstDay().plusDays(d);
                int persons = centres.get(c).capacityOn(date);
                if (persons > 0) {
                    index[c][d] = codes.size();
                    codes.add(centres.get(c).code());
                    dates.add(date);
                    room.add(persons);
                }
            }
        }
        this.centre = codes.toArray(String[]::new);
        this.day = dates.toArray(LocalDate[]::new);
        this.capacity = room.stream().mapToInt(Integer::intValue).toArray();
        this.options = new int[families.size()][];
        for (int f = 0; f < families.size(); f++) {
            options[f] = optionsOf(families.get(f), centres, index);
        }
    }

    public static Openings of(Instance instance) {
        return new Openings(instance);
    }

    private int[] optionsOf(Family family, List<Centre> centres, int[][] index) {
        List<Integer> suitable = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            Centre centre = centres.get(c);
            if (centre.country().equals(family.country()) && canSee(centre, family)) {
                suitable.add(c);
            }
        }
        suitable.sort(Comparator.comparing(c -> !centres.get(c).code().equals(family.preferredCentre())));
        LocalDate from = later(family.earliestDay(), instance.firstDay());
        LocalDate to = earlier(family.deadline(), instance.lastDay());
        List<Integer> found = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            int d = (int) ChronoUnit.DAYS.between(instance.firstDay(), date);
            for (int c : suitable) {
                int cd = index[c][d];
                if (cd >= 0 && capacity[cd] >= family.size() && family.allows(centre[cd], date)) {
                    found.add(cd);
                }
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean canSee(Centre centre, Family family) {
        if (!family.needsInterpreter()) {
            return true;
        }
        String wanted = primarySubtag(family.language());
        return !wanted.isEmpty()
                && centre.languages().stream().anyMatch(l -> primarySubtag(l).equals(wanted));
    }

    private static String primarySubtag(String tag) {
        return tag == null ? "" : tag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    public Instance instance() {
        return instance;
    }

    public int familyCount() {
        return families.size();
    }

    public Family family(int f) {
        return families.get(f);
    }

    public int centreDayCount() {
        return capacity.length;
    }

    public String centreOf(int centreDay) {
        return centre[centreDay];
    }

    public LocalDate dayOf(int centreDay) {
        return day[centreDay];
    }

    public int capacityOf(int centreDay) {
        return capacity[centreDay];
    }

    /** A copy of every centre-day's capacity, for a solver to count down. */
    public int[] capacities() {
        return capacity.clone();
    }

    /** The centre-days family {@code f} could be seen on, in its order of preference. */
    public int[] options(int f) {
        return options[f];
    }

    public int optionCount() {
        return Arrays.stream(options).mapToInt(o -> o.length).sum();
    }

    /** The objective's cost of seeing family {@code f} on {@code centreDay}. */
    public long cost(int f, int centreDay) {
        return Objective.waitingCost(families.get(f), day[centreDay]);
    }

    public long unscheduledCost(int f) {
        return Objective.unscheduledCost(families.get(f));
    }

    /**
     * The solution choosing centre-day {@code chosen[f]} for each family {@code f} (-1: unscheduled), listed by
     * day, centre and family so that it reads as the centres' day lists.
     */
    public Solution solution(int[] chosen) {
        List<Assignment> assignments = new ArrayList<>();
        for (int f = 0; f < chosen.length; f++) {
            if (chosen[f] >= 0) {
                assignments.add(new Assignment(families.get(f).id(), centre[chosen[f]], day[chosen[f]]));
            }
        }
        assignments.sort(Comparator.comparing(Assignment::day)
                .thenComparing(Assignment::centre)
                .thenComparing(Assignment::family));
        return new Solution(instance.name(), assignments);
    }

    /** The choice per family of a solution of this instance (-1: unscheduled, or not one of its openings). */
    public int[] choices(Solution solution) {
        Map<String, Integer> byId = new HashMap<>();
        for (int f = 0; f < families.size(); f++) {
            byId.put(families.get(f).id(), f);
        }
        int[] chosen = new int[families.size()];
        Arrays.fill(chosen, -1);
        for (Assignment a : solution.assignments()) {
            Integer f = byId.get(a.family());
            if (f == null) {
                continue;
            }
            for (int cd : options[f]) {
                if (centre[cd].equals(a.centre()) && Objects.equals(day[cd], a.day())) {
                    chosen[f] = cd;
                }
            }
        }
        return chosen;
    }
}
