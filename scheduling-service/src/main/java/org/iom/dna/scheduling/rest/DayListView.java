package org.iom.dna.scheduling.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.iom.dna.scheduling.domain.AppointmentMember;
import org.iom.dna.scheduling.domain.CaseMember;
import org.iom.dna.scheduling.service.DayListQueries;

/**
 * A centre's list for one day, as MHAC staff work through it: families by the time they are due, members by
 * reference with an age band, needs and the language an interpreter must speak. No names: staff match people to
 * references with the documents they bring.
 */
public record DayListView(String centreCode, LocalDate localDate, List<DayAppointment> appointments) {

    /** @param location where the family is seen when not at the centre (an ad-hoc case), else null */
    public record DayAppointment(
            UUID appointmentId,
            UUID requestId,
            String priority,
            String status,
            String location,
            List<DayMember> members) {}

    /**
     * @param ageBand age on the case's deadline, banded: 0-4, 5-11, 12-17, 18-59, 60+
     * @param accompaniedBy for a minor, the reference of the member who comes with them (null: a guardian)
     * @param attendance BOOKED until recorded, then CHECKED_IN or the outcome
     */
    public record DayMember(
            String memberRef,
            String ageBand,
            boolean minor,
            String accompaniedBy,
            LocalTime localStart,
            Instant startsAt,
            String language,
            boolean needsInterpreter,
            boolean needsAccessibility,
            boolean needsMedicalCare,
            String attendance) {}

    static DayListView of(String centreCode, LocalDate date, List<DayListQueries.Entry> entries) {
        return new DayListView(
                centreCode, date, entries.stream().map(DayListView::appointment).toList());
    }

    private static DayAppointment appointment(DayListQueries.Entry entry) {
        return new DayAppointment(
                entry.appointment().id,
                entry.appointment().requestId,
                entry.family().priority.name(),
                entry.appointment().status.name(),
                entry.appointment().location,
                entry.appointment().members.stream()
                        .sorted(Comparator.comparing((AppointmentMember m) -> m.startsAt)
                                .thenComparing(m -> position(entry, m)))
                        .map(m -> member(entry, m))
                        .toList());
    }

    private static int position(DayListQueries.Entry entry, AppointmentMember member) {
        return caseMember(entry, member).position;
    }

    private static CaseMember caseMember(DayListQueries.Entry entry, AppointmentMember member) {
        return entry.family().members.stream()
                .filter(c -> c.memberRef().equals(member.memberRef()))
                .findFirst()
                .orElseThrow();
    }

    private static DayMember member(DayListQueries.Entry entry, AppointmentMember member) {
        CaseMember c = caseMember(entry, member);
        return new DayMember(
                member.memberRef(),
                ageBand(c.ageOnDeadline),
                c.minor,
                c.accompaniedBy,
                member.localStart,
                member.startsAt,
                c.language,
                c.needsInterpreter,
                c.needsAccessibility,
                c.needsMedicalCare,
                member.attendance.name());
    }

    static String ageBand(int age) {
        if (age < 5) {
            return "0-4";
        }
        if (age < 12) {
            return "5-11";
        }
        if (age < 18) {
            return "12-17";
        }
        return age < 60 ? "18-59" : "60+";
    }
}
