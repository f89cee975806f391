package org.iom.dna.optimiser.solve;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariableProto;
import com.google.ortools.linearsolver.PartialVariableAssignment;
import java.util.OptionalDouble;

/**
 * HiGHS or SCIP through OR-Tools' linear solver, fed a model proto ({@code MPSolver.solveWithProto}).
 *
 * <p>The proto route rather than the {@code MPSolver} object API, because of two faults of OR-Tools 9.15's Java
 * wrapper: when HiGHS stops on its time limit without a solution, {@code MPSolver.solve} throws
 * IllegalArgumentException (result status 99 is missing from the Java enum), and even with a solution the object
 * API loads it only for OPTIMAL or FEASIBLE. The response proto carries every status as a number.
 *
 * <p>HiGHS: no hint is ever passed (OR-Tools' HiGHS adapter writes the hint out of bounds and crashes the JVM);
 * its default relative MIP gap of 0.01% is set to 0, with an absolute gap under 1 that is exact because every
 * objective coefficient is an integer. OR-Tools reports HiGHS' objective as its "best bound", which proves nothing,
 * so when HiGHS stops short of optimal the bound is taken from the LP relaxation, solved separately.
 */
final class LinearSolverBackend implements Backend {

    private final MPModelRequest.SolverType type;
    private final String parameters;
    private final boolean hints;
    private final boolean boundFromResponse;

    private LinearSolverBackend(
            MPModelRequest.SolverType type, String parameters, boolean hints, boolean boundFromResponse) {
        this.type = type;
        this.parameters = parameters;
        this.hints = hints;
        this.boundFromResponse = boundFromResponse;
    }

    static LinearSolverBackend highs() {
        // One option per line, no trailing newline: OR-Tools reads line[0] of every line, even an empty one.
        return new LinearSolverBackend(
                MPModelRequest.SolverType.HIGHS_MIXED_INTEGER_PROGRAMMING,
                "mip_rel_gap=0\nmip_abs_gap=0.999" + System.getProperty("optimiser.highs", ""),
                false,
                false);
    }

    static LinearSolverBackend scip() {
        return new LinearSolverBackend(
                MPModelRequest.SolverType.SCIP_MIXED_INTEGER_PROGRAMMING,
                "limits/gap = 0\nlimits/absgap = 0.999",
                true,
                true);
    }

    @Override
    public Outcome solve(AssignmentModel model, int[] warmStart, double seconds, int threads, boolean log) {
        NativeLibraries.load();
        MPModelProto.Builder proto = proto(model, true);
        if (hints && warmStart != null) {
            int[] values = model.values(warmStart);
            PartialVariableAssignment.Builder hint = PartialVariableAssignment.newBuilder();
            for (int v = 0; v < values.length; v++) {
                hint.addVarIndex(v).addVarValue(values[v]);
            }
            proto.setSolutionHint(hint);
        }
        long started = System.nanoTime();
        MPSolutionResponse response = MPSolver.solveWithProto(MPModelRequest.newBuilder()
                .setModel(proto)
                .setSolverType(type)
                .setSolverSpecificParameters(parameters)
                .setSolverTimeLimitSeconds(seconds)
                .setEnableInternalSolverOutput(log)
                .build());
        MPSolverResponseStatus status = response.getStatus();
        boolean optimal = status == MPSolverResponseStatus.MPSOLVER_OPTIMAL;
        boolean found = optimal || status == MPSolverResponseStatus.MPSOLVER_FEASIBLE;
        int[] chosen = found ? model.choices(toArray(response)) : null;
        OptionalDouble bound = OptionalDouble.empty();
        if (optimal) {
            bound = OptionalDouble.of(response.getObjectiveValue());
        } else if (boundFromResponse && found) {
            bound = OptionalDouble.of(response.getBestObjectiveBound());
        } else {
            // Only within the time limit: the relaxation is a bound, not worth overrunning for.
            double left = seconds - (System.nanoTime() - started) / 1e9;
            bound = left > 0.5 ? relaxation(model, left, log) : OptionalDouble.empty();
        }
        return new Outcome(chosen, bound, optimal, status.name().replace("MPSOLVER_", ""));
    }

    /** The LP relaxation's optimum: a proven lower bound, weaker than a MIP solver's own. */
    static OptionalDouble relaxation(AssignmentModel model, double seconds, boolean log) {
        MPSolutionResponse lp = MPSolver.solveWithProto(MPModelRequest.newBuilder()
                .setModel(proto(model, false))
                .setSolverType(MPModelRequest.SolverType.HIGHS_LINEAR_PROGRAMMING)
                .setSolverTimeLimitSeconds(seconds)
                .setEnableInternalSolverOutput(log)
                .build());
        return lp.getStatus() == MPSolverResponseStatus.MPSOLVER_OPTIMAL
                ? OptionalDouble.of(lp.getObjectiveValue())
                : OptionalDouble.empty();
    }

    private static double[] toArray(MPSolutionResponse response) {
        double[] values = new double[response.getVariableValueCount()];
        for (int v = 0; v < values.length; v++) {
            values[v] = response.getVariableValue(v);
        }
        return values;
    }

    private static MPModelProto.Builder proto(AssignmentModel model, boolean integer) {
        MPModelProto.Builder proto = MPModelProto.newBuilder().setObjectiveOffset(model.offset);
        for (int v = 0; v < model.variableCount(); v++) {
            proto.addVariable(MPVariableProto.newBuilder()
                    .setLowerBound(0)
                    .setUpperBound(1)
                    .setIsInteger(integer)
                    .setObjectiveCoefficient(model.coefficient[v]));
        }
        for (int[] variables : model.variablesOfFamily) {
            if (variables.length > 1) {
                MPConstraintProto.Builder once = MPConstraintProto.newBuilder().setUpperBound(1);
                for (int v : variables) {
                    once.addVarIndex(v).addCoefficient(1);
                }
                proto.addConstraint(once);
            }
        }
        for (int cd = 0; cd < model.variablesOfCentreDay.length; cd++) {
            int[] variables = model.variablesOfCentreDay[cd];
            int demand = 0;
            for (int v : variables) {
                demand += model.size(v);
            }
            // A centre-day that can take everybody who could come needs no row.
            if (demand > model.openings.capacityOf(cd)) {
                MPConstraintProto.Builder room =
                        MPConstraintProto.newBuilder().setUpperBound(model.openings.capacityOf(cd));
                for (int v : variables) {
                    room.addVarIndex(v).addCoefficient(model.size(v));
                }
                proto.addConstraint(room);
            }
        }
        return proto;
    }
}
