package org.iom.dna.optimiser.solve;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * HiGHS through its own C API, in the {@code libhighs} that OR-Tools ships and loads for its linear solver (bound
 * with JNA, which OR-Tools brings). OR-Tools 9.15's HiGHS adapter cannot do what this solver needs:
 *
 * <ul>
 *   <li>it cannot start from a plan: it copies the hint into a vector it has not sized, which crashes the JVM;
 *   <li>when the time limit stops HiGHS, it returns no solution at all (result status 99, missing from the Java
 *       enum of {@code MPSolver.ResultStatus}, so {@code MPSolver.solve} throws), however good HiGHS' incumbent;
 *   <li>it reports HiGHS' objective as the "best bound", which proves nothing.
 * </ul>
 *
 * Through the C API HiGHS starts from the warm start, keeps its incumbent on the time limit, and reports its own
 * dual bound ({@code mip_dual_bound}). HiGHS' default relative gap (1e-4) is set to 0, and the absolute gap to
 * just under 1, which is exact because every objective coefficient is an integer. Presolve is off (measured).
 */
final class HighsBackend implements Backend {

    private static final int COLUMN_WISE = 1;
    private static final int MINIMISE = 1;
    private static final int INTEGER = 1;
    private static final int STATUS_OK = 0;
    private static final int MODEL_STATUS_OPTIMAL = 7;
    private static final int SOLUTION_STATUS_FEASIBLE = 2;

    /** The few functions of HiGHS' C API ({@code highs_c_api.h}) used here; HighsInt is 32 bits, checked. */
    interface Api extends Library {
        Pointer Highs_create();

        void Highs_destroy(Pointer highs);

        int Highs_getSizeofHighsInt(Pointer highs);

        int Highs_setBoolOptionValue(Pointer highs, String option, int value);

        int Highs_setDoubleOptionValue(Pointer highs, String option, double value);

        int Highs_setOptionValue(Pointer highs, String option, String value);

        int Highs_setStringOptionValue(Pointer highs, String option, String value);

        int Highs_passMip(
                Pointer highs,
                int numCol,
                int numRow,
                int numNz,
                int aFormat,
                int sense,
                double offset,
                double[] colCost,
                double[] colLower,
                double[] colUpper,
                double[] rowLower,
                double[] rowUpper,
                int[] aStart,
                int[] aIndex,
                double[] aValue,
                int[] integrality);

        int Highs_setSolution(Pointer highs, double[] colValue, double[] rowValue, double[] colDual, double[] rowDual);

        int Highs_run(Pointer highs);

        int Highs_getModelStatus(Pointer highs);

        int Highs_getSolution(Pointer highs, double[] colValue, double[] colDual, double[] rowValue, double[] rowDual);

        int Highs_getIntInfoValue(Pointer highs, String info, IntByReference value);

        int Highs_getDoubleInfoValue(Pointer highs, String info, DoubleByReference value);
    }

    private static Api api;

    /** HiGHS' C API, found among the native libraries OR-Tools has loaded (by its soname). */
    static synchronized Api api() {
        if (api == null) {
            NativeLibraries.load();
            try {
                api = Native.load(loadedHighs(), Api.class);
            } catch (UnsatisfiedLinkError e) {
                throw new IllegalStateException(
                        "HiGHS' C API (libhighs.so.1) is not among OR-Tools' native libraries on this platform;"
                                + " use --solver mip-highs-ortools or mip-scip",
                        e);
            }
            Pointer probe = api.Highs_create();
            int size = api.Highs_getSizeofHighsInt(probe);
            api.Highs_destroy(probe);
            if (size != Integer.BYTES) {
                throw new IllegalStateException("HiGHS was built with " + size + "-byte integers, expected 4");
            }
        }
        return api;
    }

    /**
     * The very file OR-Tools loaded (from its unpacked natives, as listed in /proc/self/maps), so that no other HiGHS
     * installed on the machine is picked up; else its soname, which the dynamic linker matches to the loaded one.
     */
    private static String loadedHighs() {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(file -> file.endsWith("/libhighs.so.1"))
                    .findFirst()
                    .orElse("libhighs.so.1");
        } catch (IOException | UncheckedIOException e) {
            return "libhighs.so.1";
        }
    }

    @Override
    public Outcome solve(AssignmentModel model, int[] warmStart, double seconds, int threads, boolean log) {
        return branchAndBound(api(), model, Matrix.of(model), warmStart, seconds, log);
    }

    private static Outcome branchAndBound(
            Api highs, AssignmentModel model, Matrix m, int[] start, double seconds, boolean log) {
        Pointer h = highs.Highs_create();
        try {
            options(highs, h, seconds, log);
            pass(highs, h, model, m);
            int n = model.variableCount();
            if (start != null) {
                double[] values = new double[n];
                int[] chosen = model.values(start);
                for (int v = 0; v < n; v++) {
                    values[v] = chosen[v];
                }
                require(highs.Highs_setSolution(h, values, null, null, null), "setSolution");
            }
            highs.Highs_run(h);
            int status = highs.Highs_getModelStatus(h);
            IntByReference solutionStatus = new IntByReference();
            highs.Highs_getIntInfoValue(h, "primal_solution_status", solutionStatus);
            int[] chosen = null;
            if (solutionStatus.getValue() == SOLUTION_STATUS_FEASIBLE) {
                double[] values = new double[n];
                highs.Highs_getSolution(h, values, new double[n], new double[m.rows()], new double[m.rows()]);
                chosen = model.choices(values);
            }
            DoubleByReference dualBound = new DoubleByReference();
            OptionalDouble bound = highs.Highs_getDoubleInfoValue(h, "mip_dual_bound", dualBound) == STATUS_OK
                            && Double.isFinite(dualBound.getValue())
                    ? OptionalDouble.of(dualBound.getValue())
                    : OptionalDouble.empty();
            return new Outcome(chosen, bound, status == MODEL_STATUS_OPTIMAL, statusName(status));
        } finally {
            highs.Highs_destroy(h);
        }
    }

    private static void options(Api highs, Pointer h, double seconds, boolean log) {
        highs.Highs_setBoolOptionValue(h, "output_flag", log ? 1 : 0);
        highs.Highs_setDoubleOptionValue(h, "time_limit", seconds);
        highs.Highs_setDoubleOptionValue(h, "mip_rel_gap", 0);
        highs.Highs_setDoubleOptionValue(h, "mip_abs_gap", 0.999);
        // Presolve removes nothing from these models, yet its probing took 8 of 30 s on the largest country.
        highs.Highs_setStringOptionValue(h, "presolve", "off");
        // For tuning runs only: -Doptimiser.highs.options=name=value,name=value (HiGHS' option names).
        for (String option : System.getProperty("optimiser.highs.options", "").split(",")) {
            String[] nameValue = option.split("=", 2);
            if (nameValue.length == 2) {
                require(highs.Highs_setOptionValue(h, nameValue[0].trim(), nameValue[1].trim()), option);
            }
        }
    }

    private static void pass(Api highs, Pointer h, AssignmentModel model, Matrix m) {
        int n = model.variableCount();
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] cost = new double[n];
        int[] integrality = new int[n];
        for (int v = 0; v < n; v++) {
            upper[v] = 1;
            cost[v] = model.coefficient[v];
            integrality[v] = INTEGER;
        }
        require(
                highs.Highs_passMip(
                        h,
                        n,
                        m.rows(),
                        m.index().length,
                        COLUMN_WISE,
                        MINIMISE,
                        model.offset,
                        cost,
                        lower,
                        upper,
                        m.rowLower(),
                        m.rowUpper(),
                        m.start(),
                        m.index(),
                        m.value(),
                        integrality),
                "passMip");
    }

    private static void require(int status, String call) {
        // 0 ok, 1 warning (e.g. a start HiGHS could not use), -1 error.
        if (status < 0) {
            throw new IllegalStateException("HiGHS " + call + " failed with status " + status);
        }
    }

    /** {@code kHighsModelStatus*} in words, for the report. */
    private static String statusName(int status) {
        return switch (status) {
            case 7 -> "OPTIMAL";
            case 8 -> "INFEASIBLE";
            case 13 -> "TIME_LIMIT";
            case 14 -> "ITERATION_LIMIT";
            case 17 -> "INTERRUPT";
            case 18 -> "MEMORY_LIMIT";
            default -> "HIGHS_STATUS_" + status;
        };
    }

    /** The constraint matrix column by column: each variable is in its family's row and its centre-day's row. */
    private record Matrix(int rows, double[] rowLower, double[] rowUpper, int[] start, int[] index, double[] value) {

        static Matrix of(AssignmentModel model) {
            int families = model.variablesOfFamily.length;
            int centreDays = model.variablesOfCentreDay.length;
            int rows = families + centreDays;
            double[] rowLower = new double[rows];
            double[] rowUpper = new double[rows];
            for (int f = 0; f < families; f++) {
                rowLower[f] = Double.NEGATIVE_INFINITY;
                rowUpper[f] = 1;
            }
            for (int cd = 0; cd < centreDays; cd++) {
                rowLower[families + cd] = Double.NEGATIVE_INFINITY;
                rowUpper[families + cd] = model.openings.capacityOf(cd);
            }
            int n = model.variableCount();
            int[] start = new int[n + 1];
            int[] index = new int[2 * n];
            double[] value = new double[2 * n];
            for (int v = 0; v < n; v++) {
                start[v] = 2 * v;
                index[2 * v] = model.family[v];
                value[2 * v] = 1;
                index[2 * v + 1] = families + model.centreDay[v];
                value[2 * v + 1] = model.size(v);
            }
            start[n] = 2 * n;
            return new Matrix(rows, rowLower, rowUpper, start, index, value);
        }
    }
}
