package org.iom.dna.scheduling.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds where a whole family can be sampled: one centre, one local day, members in one unbroken
 * run of consecutive slots (several in one slot where capacity allows), each minor together with or
 * right after the adult who accompanies them. The earliest such day wins; on the same day the
 * preferred centre goes first. Pure: the caller has already dropped slots outside lead time,
 * deadline and closures.
 */
public final class FamilyMatcher {

    public record Member(String ref, boolean minor, String accompaniedBy) {}

    /** @param free places left in the slot */
    public record OpenSlot(
            UUID id, String centreCode, LocalDate localDate, Instant startsAt, Instant endsAt, int free) {}

    public record Placement(String memberRef, OpenSlot slot) {}

    public record Match(String centreCode, LocalDate localDate, List<Placement> placements) {}

    private FamilyMatcher() {}

    /**
     * Adults in the IND's order, each followed by the members they accompany (and those by theirs: an adult who
     * is accompanied, e.g. an elderly parent, heads the minors that come with them); minors with an appointed
     * guardian or escort (no accompanying member in the list) come last, after every adult.
     */
    public static List<Member> samplingOrder(List<Member> members) {
        Set<String> present = members.stream().map(Member::ref).collect(Collectors.toSet());
        List<Member> ordered = new ArrayList<>();
        for (Member m : members) {
            boolean accompanied = m.accompaniedBy() != null && present.contains(m.accompaniedBy());
            if (!m.minor() && !accompanied) {
                addWithThoseTheyAccompany(m, members, ordered);
            }
        }
        members.stream().filter(m -> !ordered.contains(m)).forEach(ordered::add);
        return ordered;
    }

    private static void addWithThoseTheyAccompany(Member head, List<Member> members, List<Member> ordered) {
        if (ordered.contains(head)) {
            return;
        }
        ordered.add(head);
        members.stream()
                .filter(c -> head.ref().equals(c.accompaniedBy()))
                .forEach(c -> addWithThoseTheyAccompany(c, members, ordered));
    }

    public static Optional<Match> match(List<Member> members, List<OpenSlot> slots, String preferredCentre) {
        List<Member> order = samplingOrder(members);
        Map<LocalDate, Map<String, List<OpenSlot>>> byDay = new TreeMap<>();
        for (OpenSlot slot : slots) {
            if (slot.free() > 0) {
                byDay.computeIfAbsent(slot.localDate(), d -> new TreeMap<>())
                        .computeIfAbsent(slot.centreCode(), c -> new ArrayList<>())
                        .add(slot);
            }
        }
        for (Map.Entry<LocalDate, Map<String, List<OpenSlot>>> day : byDay.entrySet()) {
            Map<String, List<OpenSlot>> centres = new LinkedHashMap<>();
            if (preferredCentre != null && day.getValue().containsKey(preferredCentre)) {
                centres.put(preferredCentre, day.getValue().get(preferredCentre));
            }
            centres.putAll(day.getValue());
            for (Map.Entry<String, List<OpenSlot>> centre : centres.entrySet()) {
                List<OpenSlot> run = new ArrayList<>(centre.getValue());
                run.sort(Comparator.comparing(OpenSlot::startsAt));
                Optional<List<Placement>> placed = placeFromAnyStart(order, run);
                if (placed.isPresent()) {
                    return Optional.of(new Match(centre.getKey(), day.getKey(), placed.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<List<Placement>> placeFromAnyStart(List<Member> order, List<OpenSlot> run) {
        for (int start = 0; start < run.size(); start++) {
            List<Placement> placements = new ArrayList<>();
            int slot = start;
            int used = 0;
            for (Member member : order) {
                if (used == run.get(slot).free()) {
                    boolean next = slot + 1 < run.size()
                            && run.get(slot + 1).startsAt().equals(run.get(slot).endsAt());
                    if (!next) {
                        break;
                    }
                    slot++;
                    used = 0;
                }
                placements.add(new Placement(member.ref(), run.get(slot)));
                used++;
            }
            if (placements.size() == order.size()) {
                return Optional.of(placements);
            }
        }
        return Optional.empty();
    }
}
