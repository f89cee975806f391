package org.iom.dna.scheduling.service;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.scheduling.domain.CaseMember;
import org.iom.dna.scheduling.domain.CentreReplica;
import org.iom.dna.scheduling.domain.SlotReplica;

/**
 * What the members still to be sampled need of a centre: an interpreter on duty that day for each language someone
 * needs one in (the centre's own interpreters, or the day's roster), and the facilities someone needs (wheelchair
 * access, medical care). A centre the registry has not described yet counts as offering none of them.
 */
record Needs(Set<String> languages, Set<String> facilities) {

    static Needs of(Collection<CaseMember> members) {
        Set<String> languages = members.stream()
                .filter(m -> m.needsInterpreter && m.language != null)
                .map(m -> CentreReplica.primary(m.language))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> facilities = new TreeSet<>();
        members.forEach(m -> {
            if (m.needsAccessibility) {
                facilities.add(CentreChangedV1.WHEELCHAIR_ACCESS);
            }
            if (m.needsMedicalCare) {
                facilities.add(CentreChangedV1.MEDICAL_CARE);
            }
        });
        return new Needs(languages, facilities);
    }

    /** Only slots at centres that offer every facility needed. */
    List<SlotReplica> withFacilities(List<SlotReplica> slots) {
        if (facilities.isEmpty() || slots.isEmpty()) {
            return slots;
        }
        Set<String> offering = centresOf(slots).values().stream()
                .filter(c -> c.offersAll(facilities))
                .map(c -> c.code)
                .collect(Collectors.toSet());
        return slots.stream().filter(s -> offering.contains(s.centreCode)).toList();
    }

    /** Only slots on centre-days where interpreters on site speak every language needed. */
    List<SlotReplica> withInterpreters(List<SlotReplica> slots, EntityManager em) {
        if (languages.isEmpty() || slots.isEmpty()) {
            return slots;
        }
        Map<String, CentreReplica> centres = centresOf(slots);
        Map<String, String> rosters = rosters(slots, em);
        return slots.stream()
                .filter(s -> centres.containsKey(s.centreCode))
                .filter(s -> CentreReplica.spokenAmong(
                                centres.get(s.centreCode).languages,
                                rosters.getOrDefault(dayKey(s.centreCode, s.localDate), ""))
                        .containsAll(languages))
                .toList();
    }

    private static Map<String, CentreReplica> centresOf(List<SlotReplica> slots) {
        Set<String> codes = slots.stream().map(s -> s.centreCode).collect(Collectors.toSet());
        return CentreReplica.<CentreReplica>list("code in ?1", codes).stream()
                .collect(Collectors.toMap(c -> c.code, c -> c));
    }

    /** The rosters of the centre-days the slots lie on, by {@link #dayKey}. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> rosters(List<SlotReplica> slots, EntityManager em) {
        Set<String> codes = slots.stream().map(s -> s.centreCode).collect(Collectors.toSet());
        LocalDate first = slots.stream()
                .map(s -> s.localDate)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate last = slots.stream()
                .map(s -> s.localDate)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        List<Object[]> rows = em.createNativeQuery("select centre_code, local_date, languages from interpreter_roster"
                        + " where centre_code = any(?1) and local_date between ?2 and ?3")
                .setParameter(1, codes.toArray(String[]::new))
                .setParameter(2, first)
                .setParameter(3, last)
                .getResultList();
        Map<String, String> rosters = new HashMap<>();
        for (Object[] row : rows) {
            LocalDate day = row[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[1];
            rosters.put(dayKey((String) row[0], day), (String) row[2]);
        }
        return rosters;
    }

    private static String dayKey(String centreCode, LocalDate day) {
        return centreCode + "/" + day;
    }
}
