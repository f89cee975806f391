package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iom.dna.platform.security.CentreAccess;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.AppointmentStatus;
import org.iom.dna.scheduling.domain.FamilyCase;

/** What MHAC staff read for a day: who comes when, with what needs. References only, never names. */
@ApplicationScoped
public class DayListQueries {

    /** An appointment of the day with the family it is for. */
    public record Entry(Appointment appointment, FamilyCase family) {}

    /**
     * The day's appointments at a centre, by the time the family's first member is due; cancelled ones left out.
     *
     * @throws org.iom.dna.platform.domain.NotFound if the caller may not act for the centre
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> dayList(String centreCode, LocalDate date, CentreAccess access) {
        access.require(centreCode);
        List<Appointment> appointments = Appointment.list(
                "centreCode = ?1 and localDate = ?2 and status <> ?3", centreCode, date, AppointmentStatus.CANCELLED);
        if (appointments.isEmpty()) {
            return List.of();
        }
        Map<java.util.UUID, FamilyCase> families =
                FamilyCase.<FamilyCase>list(
                                "requestId in ?1",
                                appointments.stream().map(a -> a.requestId).toList())
                        .stream()
                        .collect(Collectors.toMap(f -> f.requestId, Function.identity()));
        return appointments.stream()
                .map(a -> new Entry(a, families.get(a.requestId)))
                .sorted(Comparator.comparing(e -> firstStart(e.appointment())))
                .toList();
    }

    private static java.time.Instant firstStart(Appointment appointment) {
        return appointment.members.stream()
                .map(m -> m.startsAt)
                .min(Comparator.naturalOrder())
                .orElse(java.time.Instant.MAX);
    }
}
