package org.iom.dna.optimiser.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.optimiser.Fixtures.TIGHT_DAY;
import static org.iom.dna.optimiser.Fixtures.at;
import static org.iom.dna.optimiser.Fixtures.plan;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.iom.dna.optimiser.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private int run(String... args) {
        return Main.run(args, out);
    }

    @Test
    void shouldExitZeroWhenASolvedPlanIsChecked(@TempDir Path dir) {
        String instance = dir.resolve("instance.json").toString();
        String solution = dir.resolve("solution.json").toString();
        run("generate", "--size", "realistic", "--seed", "3", "--out", instance);
        run("solve", "--solver", "greedy", instance, "--out", solution);

        assertThat(run("check", instance, solution)).isZero();
    }

    @Test
    void shouldExitNonZeroAndPrintTheViolation(@TempDir Path dir) {
        Json.write(dir.resolve("instance.json"), TIGHT_DAY);
        Json.write(dir.resolve("solution.json"), plan(at("URGENT", "ET-ADD", 0), at("STANDARD-1", "ET-ADD", 0)));

        int code = run(
                "check",
                dir.resolve("instance.json").toString(),
                dir.resolve("solution.json").toString());

        assertThat(code).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("VIOLATION OVER_CAPACITY");
    }

    @Test
    void shouldPrintTheObjectiveWhenChecking(@TempDir Path dir) {
        Json.write(dir.resolve("instance.json"), TIGHT_DAY);
        Json.write(dir.resolve("solution.json"), plan(at("URGENT", "ET-ADD", 1)));

        run(
                "check",
                dir.resolve("instance.json").toString(),
                dir.resolve("solution.json").toString());

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("objective 4006");
    }

    @Test
    void shouldReadTimeLimitsWithUnits() {
        assertThat(Main.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Main.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Main.duration("500ms")).isEqualTo(Duration.ofMillis(500));
    }
}
