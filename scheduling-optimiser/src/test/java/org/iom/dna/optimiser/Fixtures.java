package org.iom.dna.optimiser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iom.dna.optimiser.model.Assignment;
import org.iom.dna.optimiser.model.Centre;
import org.iom.dna.optimiser.model.CentreDay;
import org.iom.dna.optimiser.model.Family;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Member;
import org.iom.dna.optimiser.model.Priority;
import org.iom.dna.optimiser.model.Solution;

/** Small hand-made instances: day 0 is {@link #MONDAY}; families are received the day before their earliest day. */
public final class Fixtures {

    public static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

    private Fixtures() {}

    /**
     * A tight day: ET-ADD sees 4 persons on day 0 and 4 on day 1. The urgent family (3 members) may come either day;
     * the two standard families (2 members each) only on day 0.
     *
     * <p>Greedy books the urgent family first, on day 0, and then neither standard family fits: 2 × 2 members × 1 ×
     * 1,000 = 4,000. The optimum sees both standard families on day 0 and the urgent family on day 1: 3 members × 2
     * × 1 day = 6.
     */
    public static final Instance TIGHT_DAY = instance(
            2,
            List.of(centre("ET-ADD", 4, 4)),
            List.of(
                    family("URGENT", Priority.URGENT, 3, 0, 1),
                    family("STANDARD-1", Priority.STANDARD, 2, 0, 0),
                    family("STANDARD-2", Priority.STANDARD, 2, 0, 0)));

    public static LocalDate day(int n) {
        return MONDAY.plusDays(n);
    }

    /** A centre with the given capacity on days 0, 1, 2, ... */
    public static Centre centre(String code, String country, List<String> languages, int... capacityByDay) {
        Map<LocalDate, Integer> capacity = new LinkedHashMap<>();
        for (int d = 0; d < capacityByDay.length; d++) {
            if (capacityByDay[d] > 0) {
                capacity.put(day(d), capacityByDay[d]);
            }
        }
        return new Centre(code, country, languages, capacity);
    }

    public static Centre centre(String code, int... capacityByDay) {
        return centre(code, "ET", List.of("am", "ti", "en"), capacityByDay);
    }

    /** A family in Ethiopia of one adult and {@code size - 1} minors, speaking Amharic without an interpreter. */
    public static Family family(String id, Priority priority, int size, int earliestDay, int deadlineDay) {
        return new Family(
                id,
                "ET",
                priority,
                day(earliestDay - 1),
                day(earliestDay),
                day(deadlineDay),
                null,
                "am",
                false,
                members(size));
    }

    public static List<Member> members(int size) {
        List<Member> members = new ArrayList<>();
        for (int m = 1; m <= size; m++) {
            members.add(m == 1 ? new Member("m1", false, null) : new Member("m" + m, true, "m1"));
        }
        return members;
    }

    public static Family receivedOn(Family f, int receivedDay) {
        return new Family(
                f.id(),
                f.country(),
                f.priority(),
                day(receivedDay),
                f.earliestDay(),
                f.deadline(),
                f.preferredCentre(),
                f.language(),
                f.needsInterpreter(),
                f.members());
    }

    public static Family preferring(Family f, String centre) {
        return new Family(
                f.id(),
                f.country(),
                f.priority(),
                f.receivedDay(),
                f.earliestDay(),
                f.deadline(),
                centre,
                f.language(),
                f.needsInterpreter(),
                f.members());
    }

    public static Family needingInterpreter(Family f, String language) {
        return new Family(
                f.id(),
                f.country(),
                f.priority(),
                f.receivedDay(),
                f.earliestDay(),
                f.deadline(),
                f.preferredCentre(),
                language,
                true,
                f.members());
    }

    /** The family, allowed only at the given centre on the given days (as the live service restricts it). */
    public static Family allowedOnly(Family f, String centre, int... days) {
        Set<CentreDay> allowed = new HashSet<>();
        for (int d : days) {
            allowed.add(new CentreDay(centre, day(d)));
        }
        return new Family(
                f.id(),
                f.country(),
                f.priority(),
                f.receivedDay(),
                f.earliestDay(),
                f.deadline(),
                f.preferredCentre(),
                f.language(),
                f.needsInterpreter(),
                f.members(),
                allowed);
    }

    public static Instance instance(int days, List<Centre> centres, List<Family> families) {
        return new Instance("test", MONDAY, days, centres, families);
    }

    public static Solution plan(Assignment... assignments) {
        return new Solution("test", List.of(assignments));
    }

    public static Assignment at(String family, String centre, int day) {
        return new Assignment(family, centre, day(day));
    }
}
