package org.iom.dna.optimiser.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact model of one country, independent of the backend that solves it:
 *
 * <pre>
 *   minimise  Σ_f unscheduledCost(f) + Σ_(f,cd) (cost(f,cd) − unscheduledCost(f)) · x[f,cd]
 *   s.t.      Σ_cd x[f,cd] ≤ 1                      for every family f      (at most one booking)
 *             Σ_f size(f) · x[f,cd] ≤ capacity(cd)   for every centre-day cd
 *             x[f,cd] ∈ {0,1}, only for the family's openings
 * </pre>
 *
 * An opening that would cost more than leaving the family out can never be in an optimal plan, so it gets no
 * variable; that keeps the model smaller without changing the optimum.
 */
final class AssignmentModel {

    final Openings openings;
    /** Per variable: the family and the centre-day it books, and its objective coefficient. */
    final int[] family;

    final int[] centreDay;
    final long[] coefficient;
    /** Σ unscheduledCost(f): the objective when nobody is booked. */
    final long offset;
    /** Per family: its variables, in the family's order of preference. */
    final int[][] variablesOfFamily;
    /** Per centre-day: the variables that book it. */
    final int[][] variablesOfCentreDay;

    AssignmentModel(Openings openings) {
        this.openings = openings;
        List<int[]> pairs = new ArrayList<>();
        long sum = 0;
        variablesOfFamily = new int[openings.familyCount()][];
        List<List<Integer>> byCentreDay = new ArrayList<>();
        for (int cd = 0; cd < openings.centreDayCount(); cd++) {
            byCentreDay.add(new ArrayList<>());
        }
        for (int f = 0; f < openings.familyCount(); f++) {
            sum += openings.unscheduledCost(f);
            List<Integer> mine = new ArrayList<>();
            for (int cd : openings.options(f)) {
                if (openings.cost(f, cd) < openings.unscheduledCost(f)) {
                    mine.add(pairs.size());
                    byCentreDay.get(cd).add(pairs.size());
                    pairs.add(new int[] {f, cd});
                }
            }
            variablesOfFamily[f] = mine.stream().mapToInt(Integer::intValue).toArray();
        }
        offset = sum;
        family = new int[pairs.size()];
        centreDay = new int[pairs.size()];
        coefficient = new long[pairs.size()];
        for (int v = 0; v < pairs.size(); v++) {
            family[v] = pairs.get(v)[0];
            centreDay[v] = pairs.get(v)[1];
            coefficient[v] = openings.cost(family[v], centreDay[v]) - openings.unscheduledCost(family[v]);
        }
        variablesOfCentreDay = byCentreDay.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    int variableCount() {
        return family.length;
    }

    int size(int variable) {
        return openings.family(family[variable]).size();
    }

    /** The variables set to 1 by a choice per family (-1: unscheduled), as 0/1 values. */
    int[] values(int[] chosen) {
        int[] values = new int[variableCount()];
        for (int v = 0; v < values.length; v++) {
            values[v] = chosen[family[v]] == centreDay[v] ? 1 : 0;
        }
        return values;
    }

    /** The choice per family of 0/1 variable values (rounded: a value above one half is taken as 1). */
    int[] choices(double[] values) {
        int[] chosen = new int[openings.familyCount()];
        Arrays.fill(chosen, -1);
        for (int v = 0; v < values.length; v++) {
            if (values[v] > 0.5) {
                chosen[family[v]] = centreDay[v];
            }
        }
        return chosen;
    }

    /** The objective of a choice per family (-1: unscheduled). */
    long objective(int[] chosen) {
        long sum = 0;
        for (int f = 0; f < chosen.length; f++) {
            sum += chosen[f] >= 0 ? openings.cost(f, chosen[f]) : openings.unscheduledCost(f);
        }
        return sum;
    }
}
