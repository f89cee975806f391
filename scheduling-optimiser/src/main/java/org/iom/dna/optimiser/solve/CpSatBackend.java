package org.iom.dna.optimiser.solve;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.util.OptionalDouble;

/**
 * OR-Tools' CP-SAT: the same model as Boolean variables, started from the warm start as a hint. Its objective bound
 * is its own, proven.
 */
final class CpSatBackend implements Backend {

    @Override
    public Outcome solve(AssignmentModel model, int[] warmStart, double seconds, int threads, boolean log) {
        NativeLibraries.load();
        CpModel cp = new CpModel();
        BoolVar[] x = new BoolVar[model.variableCount()];
        for (int v = 0; v < x.length; v++) {
            x[v] = cp.newBoolVar("x" + v);
        }
        for (int[] variables : model.variablesOfFamily) {
            if (variables.length > 1) {
                BoolVar[] once = new BoolVar[variables.length];
                for (int i = 0; i < variables.length; i++) {
                    once[i] = x[variables[i]];
                }
                cp.addAtMostOne(once);
            }
        }
        for (int cd = 0; cd < model.variablesOfCentreDay.length; cd++) {
            int[] variables = model.variablesOfCentreDay[cd];
            BoolVar[] room = new BoolVar[variables.length];
            long[] sizes = new long[variables.length];
            long demand = 0;
            for (int i = 0; i < variables.length; i++) {
                room[i] = x[variables[i]];
                sizes[i] = model.size(variables[i]);
                demand += sizes[i];
            }
            if (demand > model.openings.capacityOf(cd)) {
                cp.addLessOrEqual(LinearExpr.weightedSum(room, sizes), model.openings.capacityOf(cd));
            }
        }
        cp.minimize(LinearExpr.newBuilder()
                .addWeightedSum(x, model.coefficient)
                .add(model.offset)
                .build());
        if (warmStart != null) {
            int[] values = model.values(warmStart);
            for (int v = 0; v < x.length; v++) {
                cp.addHint(x[v], values[v]);
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setMaxTimeInSeconds(seconds)
                .setNumWorkers(threads)
                .setLogSearchProgress(log);
        CpSolverStatus status = solver.solve(cp);
        boolean found = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
        int[] chosen = null;
        if (found) {
            double[] values = new double[x.length];
            for (int v = 0; v < x.length; v++) {
                values[v] = solver.booleanValue(x[v]) ? 1 : 0;
            }
            chosen = model.choices(values);
        }
        return new Outcome(
                chosen,
                found ? OptionalDouble.of(solver.bestObjectiveBound()) : OptionalDouble.empty(),
                status == CpSolverStatus.OPTIMAL,
                status.name());
    }
}
