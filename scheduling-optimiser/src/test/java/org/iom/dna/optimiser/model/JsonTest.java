package org.iom.dna.optimiser.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.optimiser.Fixtures.at;
import static org.iom.dna.optimiser.Fixtures.plan;

import java.nio.file.Path;
import org.iom.dna.optimiser.generate.InstanceGenerator;
import org.iom.dna.optimiser.generate.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    private static final Instance INSTANCE = InstanceGenerator.generate(Size.REALISTIC, 0.85, 1);

    @Test
    void shouldReadBackTheInstanceItWrote(@TempDir Path dir) {
        Json.write(dir.resolve("instance.json"), INSTANCE);

        assertThat(Json.readInstance(dir.resolve("instance.json"))).isEqualTo(INSTANCE);
    }

    @Test
    void shouldReadBackTheSolutionItWrote(@TempDir Path dir) {
        Solution solution = plan(at("F1", "ET-ADD", 0), at("F2", "ET-SHI", 3));

        Json.write(dir.resolve("solution.json"), solution);

        assertThat(Json.readSolution(dir.resolve("solution.json"))).isEqualTo(solution);
    }

    @Test
    void shouldWriteDatesAsIsoDays() {
        assertThat(Json.toJson(plan(at("F1", "ET-ADD", 0)))).contains("\"day\" : \"2027-03-01\"");
    }

    @Test
    void shouldWriteCapacityAsAMapFromDayToPersons() {
        assertThat(Json.toJson(INSTANCE)).containsPattern("\"capacity\" : \\{\\s*\"2027-03-01\" : \\d+");
    }

    @Test
    void shouldReadTheDocumentedFormat() {
        String json = """
                {"name": "doc", "firstDay": "2027-03-01", "days": 2,
                 "centres": [{"code": "ET-ADD", "country": "ET", "languages": ["am", "ti"],
                              "capacity": {"2027-03-01": 6, "2027-03-02": 8}}],
                 "families": [{"id": "F1", "country": "ET", "priority": "URGENT", "receivedDay": "2027-02-20",
                               "earliestDay": "2027-03-01", "deadline": "2027-03-02", "preferredCentre": "ET-ADD",
                               "language": "ti", "needsInterpreter": true,
                               "members": [{"ref": "m1", "minor": false},
                                           {"ref": "m2", "minor": true, "accompaniedBy": "m1"}]}]}
                """;

        Instance instance = Json.fromJson(json, Instance.class);

        assertThat(instance.families().get(0).size()).isEqualTo(2);
        assertThat(instance.centres().get(0).capacityOn(instance.firstDay().plusDays(1)))
                .isEqualTo(8);
    }
}
