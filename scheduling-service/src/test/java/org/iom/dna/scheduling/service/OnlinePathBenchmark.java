package org.iom.dna.scheduling.service;

import static org.iom.dna.scheduling.testdata.Events.adult;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.minor;
import static org.iom.dna.scheduling.testdata.Events.next;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.iom.dna.events.Priority;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SamplingRequestReceivedV1.Member;
import org.iom.dna.events.SlotOpenedV1;
import org.junit.jupiter.api.Test;

/**
 * The online path's cost per family, measured against the real database: how long {@link BookingService#tryBook}
 * takes to give an arriving family its (tentative) day in a country where 10,000 members already wait, beside a
 * country where nobody waits (the baseline, in the same run). Prints its figures and writes them to
 * {@code target/online-path-benchmark.md}; asserts no time. Not part of the tests (its name is no test's):
 *
 * <pre>
 * deploy/local/suite infra
 * ./mvnw -B -pl scheduling-service test -Dtest=OnlinePathBenchmark
 * </pre>
 */
@QuarkusTest
@TestProfile(OnlinePathBenchmark.NothingOnATimer.class)
class OnlinePathBenchmark {

    /** Only the families measured are tried: no waitlist pass runs beside them. */
    public static class NothingOnATimer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scheduling.waitlist.interval", "off", "scheduling.confirmation.margin", "P3D");
        }
    }

    private static final int WAITING_MEMBERS = 10_000;
    private static final int MEASURED = 300;
    private static final int WARM_UP = 300;

    @Inject
    ReplicaService replicas;

    @Inject
    BookingService booking;

    private final Random random = new Random(1);

    @Test
    void measureTheOnlinePath() throws IOException {
        String crowded = uniqueCountry();
        String empty = uniqueCountry();
        int waiting = seedWaitingFamilies(crowded);
        openEightWeeks(crowded);
        openEightWeeks(empty);

        measure(empty, WARM_UP); // the JIT and the connection pool, not counted
        // One family in each country in turn, so that neither run has the warmer JVM or the quieter machine.
        double[] baseline = new double[MEASURED];
        double[] crowdedRun = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            baseline[i] = measure(empty, 1)[0];
            crowdedRun[i] = measure(crowded, 1)[0];
        }

        String report = String.format(
                Locale.ROOT,
                "# Online path: BookingService.tryBook per arriving family%n%n"
                        + "%d families measured per country (1 to 5 members, the two countries in turn after %d to warm"
                        + " up), each booked on its earliest feasible day with 8 weeks of open slots; PostgreSQL on"
                        + " this machine.%n%n"
                        + "| country | waiting members | p50 ms | p90 ms | p99 ms | max ms |%n|---|---|---|---|---|---|%n"
                        + "%s%n%s%n%n"
                        + "p50 with %d members waiting ÷ p50 with none: %.2f%n",
                MEASURED,
                WARM_UP,
                row("nobody waiting (baseline)", 0, baseline),
                row("crowded", waiting, crowdedRun),
                waiting,
                percentile(crowdedRun, 50) / percentile(baseline, 50));
        System.out.println(report);
        Files.writeString(Path.of("target/online-path-benchmark.md"), report);
    }

    /** Families of 1 to 5 members with no open slot in their country: they wait, as after a rush. */
    private int seedWaitingFamilies(String country) {
        int members = 0;
        List<SamplingRequestReceivedV1> batch = new ArrayList<>();
        while (members < WAITING_MEMBERS) {
            SamplingRequestReceivedV1 f = aFamily(country);
            members += f.members().size();
            batch.add(f);
            if (batch.size() == 200) {
                List<SamplingRequestReceivedV1> chunk = List.copyOf(batch);
                QuarkusTransaction.requiringNew().run(() -> chunk.forEach(replicas::familyReceived));
                batch.clear();
            }
        }
        List<SamplingRequestReceivedV1> rest = List.copyOf(batch);
        QuarkusTransaction.requiringNew().run(() -> rest.forEach(replicas::familyReceived));
        // Tried once, as each was when it arrived: waiting, with its reason.
        QuarkusTransaction.requiringNew()
                .run(() -> org.iom.dna.scheduling.domain.FamilyCase.update(
                        "waitlistedAt = ?1, waitReason = ?2 where country = ?3",
                        java.time.Instant.now(),
                        org.iom.dna.scheduling.domain.WaitReason.NO_OPEN_SLOT,
                        country));
        return members;
    }

    /** Eight weeks ahead, each weekday eight half-hour slots of 3 places at one centre. */
    private void openEightWeeks(String country) {
        List<SlotOpenedV1> slots = new ArrayList<>();
        for (int day = 15; day < 15 + 56; day++) {
            if (LocalDate.now(ZoneOffset.UTC).plusDays(day).getDayOfWeek().getValue() > 5) {
                continue;
            }
            SlotOpenedV1 s = slot(country + "-AAA", daysAhead(day, 6), 3);
            for (int i = 0; i < 8; i++) {
                slots.add(s);
                s = next(s, 3);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> slots.forEach(replicas::slotOpened));
    }

    /** @return milliseconds per family, one entry each */
    private double[] measure(String country, int families) {
        double[] ms = new double[families];
        for (int i = 0; i < families; i++) {
            SamplingRequestReceivedV1 f = aFamily(country);
            QuarkusTransaction.requiringNew().run(() -> replicas.familyReceived(f));
            long started = System.nanoTime();
            booking.tryBook(f.requestId());
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        return ms;
    }

    private SamplingRequestReceivedV1 aFamily(String country) {
        int size = 1 + random.nextInt(5);
        List<Member> members = new ArrayList<>();
        members.add(adult("P-1", country));
        for (int m = 2; m <= size; m++) {
            members.add(m == 2 ? adult("P-2", country) : minor("P-" + m, "P-1", country));
        }
        return family(country)
                .priority(Priority.values()[random.nextInt(Priority.values().length)])
                .deadline(LocalDate.now(ZoneOffset.UTC).plusDays(120))
                .members(members.toArray(Member[]::new))
                .build();
    }

    private static String row(String name, int waiting, double[] ms) {
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %.2f | %.2f | %.2f | %.2f |",
                name,
                waiting,
                percentile(ms, 50),
                percentile(ms, 90),
                percentile(ms, 99),
                Arrays.stream(ms).max().orElse(0));
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
