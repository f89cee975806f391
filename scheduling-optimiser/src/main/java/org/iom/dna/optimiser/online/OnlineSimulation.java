package org.iom.dna.optimiser.online;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.iom.dna.optimiser.model.Assignment;
import org.iom.dna.optimiser.model.Centre;
import org.iom.dna.optimiser.model.Family;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Priority;
import org.iom.dna.optimiser.model.Solution;
import org.iom.dna.optimiser.solve.MipSolver;
import org.iom.dna.optimiser.solve.Openings;
import org.iom.dna.optimiser.solve.SequentialBooker;
import org.iom.dna.optimiser.solve.SolveOptions;
import org.iom.dna.optimiser.solve.SolveResult;

/**
 * Plays a stream of requests day by day (a family arrives on its {@code receivedDay}) under two booking policies:
 *
 * <ul>
 *   <li>A, {@link #bookAtArrival}: each family is booked for good on arrival, on its earliest opening with room
 *       (that day's arrivals in the live service's priority order), as the live service's online path does.
 *   <li>B, {@link #reoptimiseDaily}: each family gets a tentative booking on arrival the same way; once a day the
 *       exact solver re-plans every tentative booking and every waiting family together, around the confirmed
 *       bookings; a booking is confirmed (never moved again) once its day is within the confirmation horizon, and
 *       at once for an unaccompanied minor.
 * </ul>
 *
 * Both end with a plan of the whole stream, scored by the same objective as offline plans.
 */
public final class OnlineSimulation {

    /**
     * @param confirmationDays a booking whose day is this close (or closer) is confirmed: families are told their
     *     day at least this far ahead
     * @param solveOptions for each daily re-optimisation
     */
    public record Settings(int confirmationDays, SolveOptions solveOptions) {

        public static Settings defaults() {
            return new Settings(7, SolveOptions.of(Duration.ofSeconds(10)));
        }
    }

    /**
     * @param solution the bookings as they were kept, for the whole stream
     * @param moved the families whose tentative booking changed at least once before it was confirmed
     * @param reoptimisations daily re-optimisations run, and how many of them were not proven optimal
     */
    public record Run(
            String policy,
            Solution solution,
            Set<String> moved,
            int reoptimisations,
            int unproven,
            Duration slowestReoptimisation,
            Duration time) {}

    private OnlineSimulation() {}

    /** Policy A: book on arrival, for good. */
    public static Run bookAtArrival(Instance stream) {
        long started = System.nanoTime();
        Comparator<Family> order =
                Comparator.comparing(Family::receivedDay).thenComparing(SequentialBooker.PRIORITY_THEN_DEADLINE);
        Solution solution = new SequentialBooker("book-at-arrival", order).book(Openings.of(stream));
        return new Run("A: book at arrival", solution, Set.of(), 0, 0, Duration.ZERO, since(started));
    }

    /** Policy B: tentative on arrival, re-optimised daily with {@code solver}, confirmed near the day. */
    public static Run reoptimiseDaily(Instance stream, Settings settings, MipSolver solver) {
        return new Replanner(stream, settings, solver).run();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Policy B's state as the days go by, over the stream's centre-days. */
    private static final class Replanner {
        private final Instance stream;
        private final Settings settings;
        private final MipSolver solver;
        private final Openings openings;
        private final Map<String, Integer> centreDayIndex = new HashMap<>();
        private final Map<String, Integer> familyIndex = new HashMap<>();
        private final int[] confirmedPersons;
        private final int[] tentativePersons;
        /** Per family: its centre-day, or -1 if none. */
        private final int[] booking;

        private final boolean[] confirmed;
        private final boolean[] moved;
        private final List<Integer> waiting = new ArrayList<>();
        private int reoptimisations;
        private int unproven;
        private long slowest;

        Replanner(Instance stream, Settings settings, MipSolver solver) {
            this.stream = stream;
            this.settings = settings;
            this.solver = solver;
            this.openings = Openings.of(stream);
            for (int cd = 0; cd < openings.centreDayCount(); cd++) {
                centreDayIndex.put(key(openings.centreOf(cd), openings.dayOf(cd)), cd);
            }
            for (int f = 0; f < openings.familyCount(); f++) {
                familyIndex.put(openings.family(f).id(), f);
            }
            confirmedPersons = new int[openings.centreDayCount()];
            tentativePersons = new int[openings.centreDayCount()];
            booking = new int[openings.familyCount()];
            Arrays.fill(booking, -1);
            confirmed = new boolean[openings.familyCount()];
            moved = new boolean[openings.familyCount()];
        }

        Run run() {
            long started = System.nanoTime();
            Map<LocalDate, List<Integer>> arrivals = new LinkedHashMap<>();
            for (int f = 0; f < openings.familyCount(); f++) {
                arrivals.computeIfAbsent(openings.family(f).receivedDay(), d -> new ArrayList<>())
                        .add(f);
            }
            for (LocalDate today = stream.firstDay(); !today.isAfter(stream.lastDay()); today = today.plusDays(1)) {
                List<Integer> arriving = new ArrayList<>(arrivals.getOrDefault(today, List.of()));
                arriving.sort(Comparator.comparing(openings::family, SequentialBooker.PRIORITY_THEN_DEADLINE));
                for (int f : arriving) {
                    bookOnArrival(f, today);
                }
                if (hasOpenBookings()) {
                    reoptimise(today);
                }
                confirmDue(today);
                LocalDate day = today;
                waiting.removeIf(f -> !openings.family(f).deadline().isAfter(day));
            }
            return new Run(
                    "B: re-optimise daily",
                    openings.solution(booking),
                    movedFamilies(),
                    reoptimisations,
                    unproven,
                    Duration.ofNanos(slowest),
                    since(started));
        }

        private void bookOnArrival(int f, LocalDate today) {
            Family family = openings.family(f);
            for (int cd : openings.options(f)) {
                if (openings.dayOf(cd).isAfter(today) && room(cd) >= family.size()) {
                    booking[f] = cd;
                    tentativePersons[cd] += family.size();
                    if (family.priority() == Priority.UNACCOMPANIED_MINOR) {
                        confirm(f);
                    }
                    return;
                }
            }
            waiting.add(f);
        }

        private int room(int cd) {
            return openings.capacityOf(cd) - confirmedPersons[cd] - tentativePersons[cd];
        }

        private boolean hasOpenBookings() {
            if (!waiting.isEmpty()) {
                return true;
            }
            for (int f = 0; f < booking.length; f++) {
                if (booking[f] >= 0 && !confirmed[f]) {
                    return true;
                }
            }
            return false;
        }

        /** Re-plans tentative bookings and waiting families from tomorrow on, around the confirmed bookings. */
        private void reoptimise(LocalDate today) {
            List<Integer> open = new ArrayList<>(waiting);
            List<Assignment> current = new ArrayList<>();
            for (int f = 0; f < booking.length; f++) {
                if (booking[f] >= 0 && !confirmed[f]) {
                    open.add(f);
                    current.add(new Assignment(
                            openings.family(f).id(), openings.centreOf(booking[f]), openings.dayOf(booking[f])));
                }
            }
            Instance rest = remaining(today, open);
            SolveResult result = solver.solve(rest, settings.solveOptions(), new Solution(rest.name(), current));
            reoptimisations++;
            unproven += result.optimal() ? 0 : 1;
            slowest = Math.max(slowest, result.time().toNanos());
            for (int f : open) {
                if (booking[f] >= 0) {
                    tentativePersons[booking[f]] -= openings.family(f).size();
                }
            }
            int[] before = new int[open.size()];
            for (int i = 0; i < open.size(); i++) {
                before[i] = booking[open.get(i)];
                booking[open.get(i)] = -1;
            }
            for (Assignment a : result.solution().assignments()) {
                int f = familyIndex.get(a.family());
                int cd = centreDayIndex.get(key(a.centre(), a.day()));
                booking[f] = cd;
                tentativePersons[cd] += openings.family(f).size();
            }
            waiting.clear();
            for (int i = 0; i < open.size(); i++) {
                int f = open.get(i);
                if (before[i] >= 0 && booking[f] != before[i]) {
                    moved[f] = true;
                }
                if (booking[f] < 0) {
                    waiting.add(f);
                }
            }
        }

        /** The open families, and each centre's capacity after {@code today} less what is confirmed. */
        private Instance remaining(LocalDate today, List<Integer> open) {
            Map<String, Map<LocalDate, Integer>> left = new LinkedHashMap<>();
            for (Centre centre : stream.centres()) {
                left.put(centre.code(), new LinkedHashMap<>());
            }
            for (int cd = 0; cd < openings.centreDayCount(); cd++) {
                int persons = openings.capacityOf(cd) - confirmedPersons[cd];
                if (openings.dayOf(cd).isAfter(today) && persons > 0) {
                    left.get(openings.centreOf(cd)).put(openings.dayOf(cd), persons);
                }
            }
            List<Centre> centres = stream.centres().stream()
                    .map(c -> new Centre(c.code(), c.country(), c.languages(), left.get(c.code())))
                    .toList();
            LocalDate tomorrow = today.plusDays(1);
            int days = (int) ChronoUnit.DAYS.between(tomorrow, stream.lastDay()) + 1;
            List<Family> families = open.stream().sorted().map(openings::family).toList();
            return new Instance(stream.name() + "@" + today, tomorrow, days, centres, families);
        }

        private void confirmDue(LocalDate today) {
            LocalDate horizon = today.plusDays(settings.confirmationDays());
            for (int f = 0; f < booking.length; f++) {
                if (booking[f] >= 0
                        && !confirmed[f]
                        && !openings.dayOf(booking[f]).isAfter(horizon)) {
                    confirm(f);
                }
            }
        }

        private void confirm(int f) {
            confirmed[f] = true;
            tentativePersons[booking[f]] -= openings.family(f).size();
            confirmedPersons[booking[f]] += openings.family(f).size();
        }

        private static String key(String centre, LocalDate day) {
            return centre + "|" + day;
        }

        private Set<String> movedFamilies() {
            Set<String> ids = new TreeSet<>();
            for (int f = 0; f < moved.length; f++) {
                if (moved[f]) {
                    ids.add(openings.family(f).id());
                }
            }
            return ids;
        }
    }
}
