package org.iom.dna.optimiser.solve;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.iom.dna.optimiser.model.Family;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Solution;
import org.iom.dna.optimiser.rules.Objective;

/**
 * Books families one at a time, in a fixed order, each on its first opening that still has room for all its
 * members, and never moves a booking again: how a person at a desk, or the live service's online path, books.
 */
public class SequentialBooker implements Solver {

    /** Families in the order their requests arrived. */
    public static final Comparator<Family> FIRST_COME_FIRST_SERVED = Comparator.comparing(
                    Family::receivedDay, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Family::id);

    /** The live service's order: priority (unaccompanied minors first), then deadline, then arrival. */
    public static final Comparator<Family> PRIORITY_THEN_DEADLINE = Comparator.comparing(Family::priority)
            .thenComparing(Family::deadline)
            .thenComparing(FIRST_COME_FIRST_SERVED);

    private final String name;
    private final Comparator<Family> order;

    public SequentialBooker(String name, Comparator<Family> order) {
        this.name = name;
        this.order = order;
    }

    public static SequentialBooker firstComeFirstServed() {
        return new SequentialBooker("fcfs", FIRST_COME_FIRST_SERVED);
    }

    public static SequentialBooker greedy() {
        return new SequentialBooker("greedy", PRIORITY_THEN_DEADLINE);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SolveResult solve(Instance instance, SolveOptions options) {
        long started = System.nanoTime();
        Solution solution = book(Openings.of(instance));
        return new SolveResult(
                name,
                solution,
                Objective.score(instance, solution).objective(),
                OptionalLong.empty(),
                false,
                Duration.ofNanos(System.nanoTime() - started),
                "heuristic");
    }

    /** This booker's plan for prepared openings. */
    public Solution book(Openings openings) {
        return openings.solution(choose(openings));
    }

    /** The centre-day chosen per family (-1: no room left anywhere in its window). */
    public int[] choose(Openings openings) {
        int[] left = openings.capacities();
        int[] chosen = new int[openings.familyCount()];
        Arrays.fill(chosen, -1);
        int[] inOrder = IntStream.range(0, openings.familyCount())
                .boxed()
                .sorted(Comparator.comparing(openings::family, order))
                .mapToInt(Integer::intValue)
                .toArray();
        for (int f : inOrder) {
            int size = openings.family(f).size();
            for (int cd : openings.options(f)) {
                if (left[cd] >= size) {
                    left[cd] -= size;
                    chosen[f] = cd;
                    break;
                }
            }
        }
        return chosen;
    }
}
