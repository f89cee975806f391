package org.iom.dna.optimiser.solve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Improves a plan before branch and bound starts from it: the LP bound of these models is tight (often the optimum
 * itself), so the solver's time goes into finding the last plans, and a start near the optimum saves most of it.
 *
 * <p>One move, repeated while it pays: bring a family forward to an earlier opening (or book a family left out),
 * making room there if need be by moving some of that centre-day's families to other openings with room (or out
 * of the plan), when what the family gains is more than what the moved families lose. Capacity is kept at every
 * step.
 */
final class LocalSearch {

    private final Openings openings;
    private final int[] chosen;
    private final int[] left;
    private final List<List<Integer>> familiesAt = new ArrayList<>();

    private LocalSearch(Openings openings, int[] start) {
        this.openings = openings;
        this.chosen = start.clone();
        this.left = openings.capacities();
        for (int cd = 0; cd < openings.centreDayCount(); cd++) {
            familiesAt.add(new ArrayList<>());
        }
        for (int f = 0; f < chosen.length; f++) {
            if (chosen[f] >= 0) {
                left[chosen[f]] -= size(f);
                familiesAt.get(chosen[f]).add(f);
            }
        }
    }

    /**
     * @param start a feasible choice per family (-1: unscheduled)
     * @param until {@link System#nanoTime()} after which to stop, plan as it is
     * @return a feasible choice no worse than {@code start}
     */
    static int[] improve(Openings openings, int[] start, long until) {
        LocalSearch search = new LocalSearch(openings, start);
        boolean improved = true;
        while (improved && System.nanoTime() < until) {
            improved = false;
            for (int f : search.costliestFirst()) {
                improved |= search.bringForward(f);
                if (System.nanoTime() >= until) {
                    break;
                }
            }
        }
        return search.chosen;
    }

    private int[] costliestFirst() {
        return IntStream.range(0, chosen.length)
                .boxed()
                .sorted(Comparator.comparingLong((Integer f) -> cost(f, chosen[f]))
                        .reversed())
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** Moves {@code f} to its cheapest opening it can be moved to with a net gain; false if none. */
    private boolean bringForward(int f) {
        long now = cost(f, chosen[f]);
        for (int cd : openings.options(f)) {
            long gain = now - cost(f, cd);
            if (gain <= 0) {
                // Openings are in order of cost: none further on is cheaper.
                return false;
            }
            if (left[cd] >= size(f)) {
                move(f, cd);
                return true;
            }
            Map<Integer, Integer> moves = makeRoom(cd, size(f) - left[cd], f, gain);
            if (moves != null) {
                moves.forEach(this::move);
                move(f, cd);
                return true;
            }
        }
        return false;
    }

    /**
     * Families to move out of {@code cd} to free {@code needed} places, each to its cheapest other opening with
     * room (-1: out of the plan), cheapest loss per place first; null if they would lose {@code gain} or more, or
     * there are not enough.
     */
    private Map<Integer, Integer> makeRoom(int cd, int needed, int newcomer, long gain) {
        record Candidate(int family, int to, long loss) {}
        List<Candidate> candidates = new ArrayList<>();
        for (int g : familiesAt.get(cd)) {
            // Where it can go, or out of the plan if nowhere else has room (worth it only for a costlier newcomer).
            int to = cheapestElsewhere(g, cd, newcomer);
            candidates.add(new Candidate(g, to, cost(g, to) - cost(g, cd)));
        }
        candidates.sort(Comparator.comparingDouble(c -> (double) c.loss() / size(c.family())));
        Map<Integer, Integer> moves = new HashMap<>();
        Map<Integer, Integer> taken = new HashMap<>();
        long loss = 0;
        int freed = 0;
        for (Candidate c : candidates) {
            if (freed >= needed) {
                break;
            }
            if (c.to() >= 0 && roomFor(c.to(), newcomer) - taken.getOrDefault(c.to(), 0) < size(c.family())) {
                continue;
            }
            moves.put(c.family(), c.to());
            taken.merge(c.to(), size(c.family()), Integer::sum);
            loss += c.loss();
            freed += size(c.family());
            if (loss >= gain) {
                return null;
            }
        }
        return freed >= needed ? moves : null;
    }

    /** The cheapest opening of {@code g} other than {@code cd} with room for it, or -1. */
    private int cheapestElsewhere(int g, int cd, int newcomer) {
        for (int other : openings.options(g)) {
            if (other != cd && roomFor(other, newcomer) >= size(g)) {
                return other;
            }
        }
        return -1;
    }

    /** Room at {@code cd} once {@code newcomer} has left its current centre-day. */
    private int roomFor(int cd, int newcomer) {
        return left[cd] + (chosen[newcomer] == cd ? size(newcomer) : 0);
    }

    /** Books {@code f} on {@code cd}, or leaves it out for -1. */
    private void move(int f, int cd) {
        if (chosen[f] >= 0) {
            left[chosen[f]] += size(f);
            familiesAt.get(chosen[f]).remove(Integer.valueOf(f));
        }
        chosen[f] = cd;
        if (cd >= 0) {
            left[cd] -= size(f);
            familiesAt.get(cd).add(f);
        }
    }

    private long cost(int f, int cd) {
        return cd >= 0 ? openings.cost(f, cd) : openings.unscheduledCost(f);
    }

    private int size(int f) {
        return openings.family(f).size();
    }
}
