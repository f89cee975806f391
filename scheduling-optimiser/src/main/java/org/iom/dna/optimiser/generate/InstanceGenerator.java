package org.iom.dna.optimiser.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.iom.dna.optimiser.generate.Mhacs.Mhac;
import org.iom.dna.optimiser.generate.Mhacs.Spoken;
import org.iom.dna.optimiser.model.Centre;
import org.iom.dna.optimiser.model.Family;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Member;
import org.iom.dna.optimiser.model.Priority;

/**
 * Generates instances that look like the live service's: the real centres with their working weeks and languages,
 * families of 1–8 members (minors with an adult of their family, unaccompanied minors alone), the IND's priority
 * mix, deadlines 2–12 weeks after the request, and an earliest day 2 or 14 days after it (near the centre, or
 * across a border). The same seed always gives the same instance.
 *
 * <p>The load is total demand over total capacity, per country: each country's members are generated until they
 * are exactly {@code load} × its capacity (rounded), the last family cut to fit.
 */
public final class InstanceGenerator {

    /** A Monday, so that the offline horizons start with a working week. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2027, 3, 1);

    /** How long after its request a family's deadline falls at most: 12 weeks. */
    public static final int LONGEST_DEADLINE_DAYS = 84;

    private static final double[] FAMILY_SIZE_SHARE = {0.20, 0.22, 0.18, 0.14, 0.10, 0.07, 0.05, 0.04};
    private static final double[] UAM_SIZE_SHARE = {0.70, 0.25, 0.05};

    private final Random random;

    private InstanceGenerator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * A snapshot to plan offline: requests received over the horizon (some a little before it, waiting already),
     * capacity on each centre's sampling days, {@code size.members()} members in all.
     */
    public static Instance generate(Size size, double load, long seed) {
        return new InstanceGenerator(seed).offline(size, load, seed);
    }

    /**
     * A stream of requests for the online simulation: {@code arrivalDays} days of requests, 5–10 persons per
     * sampling day at every centre, and capacity for {@value #LONGEST_DEADLINE_DAYS} days more so that the last
     * requests can still be seen before their deadline. The load counts the capacity of the arrival days only.
     */
    public static Instance stream(int arrivalDays, double load, long seed) {
        return new InstanceGenerator(seed).online(arrivalDays, load, seed);
    }

    private Instance offline(Size size, double load, long seed) {
        int days = size.weeks() * 7;
        List<Mhac> mhacs = Mhacs.byCodes(size.centres());
        double samplingDays = 0;
        for (Mhac mhac : mhacs) {
            for (int d = 0; d < days; d++) {
                samplingDays += dayShare(mhac, FIRST_DAY.plusDays(d), size.samplingDaysPerWeek());
            }
        }
        double mean = size.members() / load / samplingDays;
        List<Centre> centres = centres(mhacs, FIRST_DAY, days, size.samplingDaysPerWeek(), mean);
        LocalDate lastDay = FIRST_DAY.plusDays(days - 1L);
        String name = String.format(Locale.ROOT, "%s-load%.0f-seed%d", size.name(), load * 100, seed);
        return new Instance(
                name,
                FIRST_DAY,
                days,
                centres,
                families(centres, load, FIRST_DAY.minusDays(10), lastDay, lastDay.minusDays(2), lastDay));
    }

    private Instance online(int arrivalDays, double load, long seed) {
        LocalDate firstDay = FIRST_DAY;
        int days = arrivalDays + LONGEST_DEADLINE_DAYS;
        List<Centre> centres = centres(Mhacs.ALL, firstDay, days, 4, 7.5);
        LocalDate lastArrival = firstDay.plusDays(arrivalDays - 1L);
        String name = String.format(Locale.ROOT, "stream-%dd-load%.0f-seed%d", arrivalDays, load * 100, seed);
        return new Instance(
                name, firstDay, days, centres, families(centres, load, firstDay, lastArrival, null, lastArrival));
    }

    /** 1 on a sampling day, ½ on Iran's half-day Thursday, 0 otherwise. */
    private static double dayShare(Mhac mhac, LocalDate day, int samplingDaysPerWeek) {
        List<DayOfWeek> week = Mhacs.WORKING_WEEK.get(mhac.country());
        int position = week.indexOf(day.getDayOfWeek());
        if (position < 0 || position >= samplingDaysPerWeek) {
            return 0;
        }
        return day.getDayOfWeek() == Mhacs.HALF_DAY_IN_IRAN && "IR".equals(mhac.country()) ? 0.5 : 1;
    }

    /** Capacity around {@code mean} persons a sampling day, ± a third, at least one person. */
    private List<Centre> centres(List<Mhac> mhacs, LocalDate firstDay, int days, int samplingDaysPerWeek, double mean) {
        List<Centre> centres = new ArrayList<>();
        for (Mhac mhac : mhacs) {
            Map<LocalDate, Integer> capacity = new LinkedHashMap<>();
            for (int d = 0; d < days; d++) {
                LocalDate day = firstDay.plusDays(d);
                double share = dayShare(mhac, day, samplingDaysPerWeek);
                if (share > 0) {
                    double persons = mean * share * (2.0 / 3 + random.nextDouble() * 2.0 / 3);
                    capacity.put(day, Math.max(1, (int) Math.round(persons)));
                }
            }
            centres.add(new Centre(mhac.code(), mhac.country(), mhac.languages(), capacity));
        }
        return centres;
    }

    /**
     * Families per country up to {@code load} × the country's capacity up to {@code loadUntil}, received between
     * {@code receivedFrom} and {@code receivedUntil}, and with an earliest day no later than {@code earliestUntil}
     * (if not null, to keep out families the horizon cannot see at all); numbered in order of arrival.
     */
    private List<Family> families(
            List<Centre> centres,
            double load,
            LocalDate receivedFrom,
            LocalDate receivedUntil,
            LocalDate earliestUntil,
            LocalDate loadUntil) {
        Map<String, List<Centre>> byCountry = new LinkedHashMap<>();
        for (Centre c : centres) {
            byCountry.computeIfAbsent(c.country(), k -> new ArrayList<>()).add(c);
        }
        List<Family> families = new ArrayList<>();
        for (Map.Entry<String, List<Centre>> country : byCountry.entrySet()) {
            long capacity = country.getValue().stream()
                    .flatMap(c -> c.capacity().entrySet().stream())
                    .filter(e -> !e.getKey().isAfter(loadUntil))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            int target = (int) Math.round(load * capacity);
            int members = 0;
            while (members < target) {
                Family family = family(
                        country.getKey(),
                        country.getValue(),
                        receivedFrom,
                        receivedUntil,
                        earliestUntil,
                        target - members);
                families.add(family);
                members += family.size();
            }
        }
        families.sort(Comparator.comparing(Family::receivedDay));
        List<Family> numbered = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            Family f = families.get(i);
            String id = String.format(Locale.ROOT, "F%05d", i + 1);
            numbered.add(new Family(
                    id,
                    f.country(),
                    f.priority(),
                    f.receivedDay(),
                    f.earliestDay(),
                    f.deadline(),
                    f.preferredCentre(),
                    f.language(),
                    f.needsInterpreter(),
                    f.members()));
        }
        return numbered;
    }

    private Family family(
            String country,
            List<Centre> centres,
            LocalDate receivedFrom,
            LocalDate receivedUntil,
            LocalDate earliestUntil,
            int atMost) {
        Priority priority = priority();
        // Near a centre, two days' notice; across a border or far inland, two weeks to travel.
        int lead = random.nextDouble() < 0.7 ? 2 : 14;
        LocalDate latest = earliestUntil == null || receivedUntil.isBefore(earliestUntil.minusDays(lead))
                ? receivedUntil
                : earliestUntil.minusDays(lead);
        long span = Math.max(0, latest.toEpochDay() - receivedFrom.toEpochDay());
        LocalDate received = receivedFrom.plusDays(random.nextLong(span + 1));
        LocalDate deadline = received.plusDays(deadlineDays(priority));
        Spoken spoken = pick(Mhacs.SPOKEN.get(country));
        String language = spoken.language();
        boolean needsInterpreter = random.nextDouble() < spoken.needsInterpreter()
                && centres.stream().anyMatch(c -> c.languages().contains(language.split("-")[0]));
        String preferred = random.nextDouble() < 0.75
                ? centres.get(random.nextInt(centres.size())).code()
                : null;
        return new Family(
                "",
                country,
                priority,
                received,
                received.plusDays(lead),
                deadline,
                preferred,
                language,
                needsInterpreter,
                members(priority, atMost));
    }

    /** 5% unaccompanied minors, 10% medical, 20% urgent, 65% standard. */
    private Priority priority() {
        double p = random.nextDouble();
        if (p < 0.05) {
            return Priority.UNACCOMPANIED_MINOR;
        }
        if (p < 0.15) {
            return Priority.MEDICAL;
        }
        return p < 0.35 ? Priority.URGENT : Priority.STANDARD;
    }

    /** Within the IND's 2–12 weeks, shorter for the more pressing cases. */
    private int deadlineDays(Priority priority) {
        return switch (priority) {
            case UNACCOMPANIED_MINOR -> 14 + random.nextInt(15);
            case MEDICAL -> 14 + random.nextInt(29);
            case URGENT -> 21 + random.nextInt(36);
            case STANDARD -> 28 + random.nextInt(LONGEST_DEADLINE_DAYS - 28 + 1);
        };
    }

    /**
     * Unaccompanied minors come alone or with siblings and are escorted by staff; other families have a first
     * adult who accompanies every minor.
     */
    private List<Member> members(Priority priority, int atMost) {
        boolean unaccompanied = priority == Priority.UNACCOMPANIED_MINOR;
        int size = Math.min(atMost, 1 + index(unaccompanied ? UAM_SIZE_SHARE : FAMILY_SIZE_SHARE));
        List<Member> members = new ArrayList<>();
        for (int m = 1; m <= size; m++) {
            String ref = "m" + m;
            if (unaccompanied) {
                members.add(new Member(ref, true, null));
            } else if (m > 1 && random.nextDouble() < 0.6) {
                members.add(new Member(ref, true, "m1"));
            } else {
                members.add(new Member(ref, false, null));
            }
        }
        return members;
    }

    private Spoken pick(List<Spoken> spoken) {
        double p = random.nextDouble();
        double sum = 0;
        for (Spoken s : spoken) {
            sum += s.share();
            if (p < sum) {
                return s;
            }
        }
        return spoken.get(spoken.size() - 1);
    }

    private int index(double[] shares) {
        double p = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (p < sum) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
