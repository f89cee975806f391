package org.iom.dna.scheduling.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.AttendanceRecordedV1;
import org.iom.dna.events.FamilyUnreachableV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.domain.Conflict;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.domain.Violation;
import org.iom.dna.platform.messaging.Outbox;
import org.iom.dna.platform.security.CentreAccess;
import org.iom.dna.scheduling.config.SchedulingConfig;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.AppointmentMember;
import org.iom.dna.scheduling.domain.AppointmentStatus;
import org.iom.dna.scheduling.domain.Attendance;
import org.iom.dna.scheduling.domain.AttendanceRecord;
import org.iom.dna.scheduling.domain.CaseMember;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.jboss.logging.Logger;

/**
 * The appointment day at an MHAC. Staff record each member as they arrive and what came of it, and may correct
 * that during the day (every record is kept). Closing the day's list makes it final: members never recorded did
 * not come; a family with members still to sample is booked again, unless it has missed as many appointments as
 * the scheduler offers, when the IND is told it is unreachable. Days that end without being closed are closed
 * by the service itself.
 */
@ApplicationScoped
public class AttendanceService {

    private static final Logger LOG = Logger.getLogger(AttendanceService.class);
    /** Who closed a day that staff left open. */
    static final String SYSTEM = "system (day ended)";
    /** An appointed guardian or escort who is not a member of the case gave consent for a minor. */
    public static final String GUARDIAN = "GUARDIAN";

    /** What staff record for one member. */
    public record Entry(
            Attendance attendance,
            Boolean identityVerified,
            String consentGivenBy,
            String kitNumber,
            String correctionReason) {}

    /** What closing a day did. */
    public record DayClosed(int appointments, int noShows, int rebooked, int completed, int unreachable) {}

    private final EntityManager em;
    private final Outbox outbox;
    private final WaitlistService waitlist;
    private final int maxMissed;

    AttendanceService(EntityManager em, Outbox outbox, WaitlistService waitlist, SchedulingConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.waitlist = waitlist;
        this.maxMissed = config.attendance().maxMissedAppointments();
    }

    /**
     * @throws NotFound for an appointment or member that does not exist, or whose centre the caller may not act for
     * @throws Conflict outside the appointment day, for a cancelled appointment or a closed list
     * @throws InvalidRequest when the entry is incomplete for its outcome
     */
    @Transactional
    public AppointmentMember record(
            UUID appointmentId, String memberRef, Entry entry, String actor, CentreAccess access) {
        Appointment appointment = visible(appointmentId, access);
        FamilyCase family = em.find(FamilyCase.class, appointment.requestId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(appointment);
        requireOpenDay(appointment);
        AppointmentMember member = appointment.member(memberRef).orElseThrow(() -> new NotFound("member " + memberRef));
        validate(entry, member, family);
        apply(appointment, member, entry, actor);
        return member;
    }

    /** Every record and correction of an appointment, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AttendanceRecord> trail(UUID appointmentId, CentreAccess access) {
        visible(appointmentId, access);
        return AttendanceRecord.of(appointmentId);
    }

    /**
     * Makes the day's list final for a centre.
     *
     * @throws NotFound if the caller may not act for the centre
     * @throws Conflict before the day, or while a member is checked in without an outcome
     */
    @Transactional
    public DayClosed closeDay(String centreCode, LocalDate date, String actor, CentreAccess access) {
        access.require(centreCode);
        List<Appointment> day = openAppointments(centreCode, date);
        if (day.isEmpty()) {
            return new DayClosed(0, 0, 0, 0, 0);
        }
        if (LocalDate.now(ZoneId.of(day.get(0).zone)).isBefore(date)) {
            throw new Conflict(
                    "day-not-begun",
                    "The day has not begun",
                    "the list of " + date + " can be closed on or after that day",
                    null);
        }
        long waiting = day.stream()
                .flatMap(a -> a.members.stream())
                .filter(m -> m.attendance == Attendance.CHECKED_IN)
                .count();
        if (waiting > 0) {
            throw new Conflict(
                    "members-checked-in",
                    "Members are checked in without an outcome",
                    waiting + " checked-in member(s) have no outcome yet: record it before closing the day",
                    null);
        }
        return close(day, actor);
    }

    /** Closes, for every centre, the lists of days that have ended in the centre's time zone. */
    @Scheduled(
            every = "${scheduling.attendance.close-interval:15m}",
            delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeEndedDays() {
        List<Object[]> days = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select distinct a.centreCode, a.localDate, a.zone from Appointment a"
                                        + " where a.status = :booked and a.localDate < :tomorrow",
                                Object[].class)
                        .setParameter("booked", AppointmentStatus.BOOKED)
                        .setParameter(
                                "tomorrow", LocalDate.now(ZoneId.of("UTC")).plusDays(1))
                        .getResultList());
        for (Object[] day : days) {
            String centre = (String) day[0];
            LocalDate date = (LocalDate) day[1];
            if (LocalDate.now(ZoneId.of((String) day[2])).isAfter(date)) {
                try {
                    DayClosed closed =
                            QuarkusTransaction.requiringNew().call(() -> close(openAppointments(centre, date), SYSTEM));
                    LOG.infof("closed the list of %s on %s: %s", centre, date, closed);
                } catch (RuntimeException e) {
                    LOG.warnf(
                            "closing the list of %s on %s failed (will retry): %s",
                            centre, date, e.getClass().getSimpleName());
                }
            }
        }
    }

    private DayClosed close(List<Appointment> day, String actor) {
        int noShows = 0;
        int rebooked = 0;
        int completed = 0;
        int unreachable = 0;
        for (Appointment appointment : day) {
            FamilyCase family = em.find(FamilyCase.class, appointment.requestId, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(appointment);
            if (appointment.status != AppointmentStatus.BOOKED) {
                continue; // closed meanwhile by another instance, or cancelled
            }
            // A day never confirmed was never told to the family (confirmation stalled): absence is not its fault.
            boolean told = appointment.confirmedAt != null;
            for (AppointmentMember member : appointment.members) {
                if (member.attendance == Attendance.BOOKED && !told) {
                    apply(appointment, member, new Entry(Attendance.EXCUSED, null, null, null, null), actor);
                } else if (member.attendance == Attendance.BOOKED) {
                    apply(appointment, member, new Entry(Attendance.NO_SHOW, null, null, null, null), actor);
                    noShows++;
                } else if (member.attendance == Attendance.CHECKED_IN) {
                    // Only when the day ended unclosed: they came, so it is not counted against the family.
                    apply(appointment, member, new Entry(Attendance.EXCUSED, null, null, null, null), actor);
                }
            }
            appointment.status = AppointmentStatus.COMPLETED;
            appointment.closedAt = Instant.now();
            switch (settle(family, appointment)) {
                case COMPLETED -> completed++;
                case UNREACHABLE -> unreachable++;
                case WAITING -> rebooked++;
                default -> {}
            }
        }
        return new DayClosed(day.size(), noShows, rebooked, completed, unreachable);
    }

    /** What the family needs after the day: nothing more, another appointment, or staff to reach it. */
    private CaseStatus settle(FamilyCase family, Appointment appointment) {
        for (AppointmentMember member : appointment.members) {
            if (member.attendance.endsMembersPart()) {
                family.members.stream()
                        .filter(m -> m.memberRef().equals(member.memberRef()))
                        .forEach(m -> m.done = true);
            }
        }
        boolean missed = appointment.members.stream().anyMatch(m -> m.attendance.isMissed());
        if (missed) {
            family.missedAppointments++;
        }
        if (family.status != CaseStatus.BOOKED) {
            return family.status; // cancelled by the IND while the day was under way
        }
        family.updatedAt = Instant.now();
        if (family.pendingMembers().isEmpty()) {
            family.status = CaseStatus.COMPLETED;
        } else if (missed && family.missedAppointments >= maxMissed) {
            family.status = CaseStatus.UNREACHABLE;
            outbox.publish(
                    Topics.APPOINTMENTS,
                    family.requestId.toString(),
                    FamilyUnreachableV1.TYPE,
                    new FamilyUnreachableV1(family.requestId, missedAppointments(family.requestId), family.updatedAt));
        } else {
            family.status = CaseStatus.WAITING;
            family.waitlistedAt = null;
            waitlist.capacityOrDemandChanged();
        }
        return family.status;
    }

    private static List<FamilyUnreachableV1.MissedAppointment> missedAppointments(UUID requestId) {
        List<FamilyUnreachableV1.MissedAppointment> missed = new ArrayList<>();
        for (Appointment a : Appointment.historyOf(requestId)) {
            List<String> absent = a.members.stream()
                    .filter(m -> m.attendance.isMissed())
                    .map(AppointmentMember::memberRef)
                    .sorted()
                    .toList();
            if (!absent.isEmpty()) {
                missed.add(new FamilyUnreachableV1.MissedAppointment(a.id, a.centreCode, a.localDate, absent));
            }
        }
        return missed;
    }

    private void apply(Appointment appointment, AppointmentMember member, Entry entry, String actor) {
        member.attendance = entry.attendance();
        member.identityVerified = entry.identityVerified();
        member.consentGivenBy = entry.consentGivenBy();
        member.kitNumber = entry.kitNumber();
        AttendanceRecord record = new AttendanceRecord();
        record.appointmentId = appointment.id;
        record.memberRef = member.memberRef();
        record.attendance = entry.attendance();
        record.identityVerified = entry.identityVerified();
        record.consentGivenBy = entry.consentGivenBy();
        record.kitNumber = entry.kitNumber();
        record.correctionReason = entry.correctionReason();
        record.recordedBy = actor;
        record.recordedAt = Instant.now();
        record.persist();
        if (entry.attendance().isOutcome()) {
            outbox.publish(
                    Topics.APPOINTMENTS,
                    appointment.requestId.toString(),
                    AttendanceRecordedV1.TYPE,
                    new AttendanceRecordedV1(
                            appointment.requestId,
                            appointment.id,
                            member.memberRef(),
                            entry.attendance().name(),
                            record.recordedAt));
        }
    }

    /** The rules an entry must keep; every broken one is reported with its field. */
    static void validate(Entry entry, AppointmentMember member, FamilyCase family) {
        List<Violation> broken = new ArrayList<>();
        if (entry.attendance() == Attendance.BOOKED) {
            broken.add(
                    new Violation("$.attendance", "BOOKED is where a member starts: record CHECKED_IN or an outcome"));
        }
        if (entry.attendance() == Attendance.SAMPLED) {
            if (!Boolean.TRUE.equals(entry.identityVerified())) {
                broken.add(new Violation("$.identityVerified", "must be true before a sample is taken"));
            }
            if (entry.consentGivenBy() == null || entry.consentGivenBy().isBlank()) {
                broken.add(new Violation("$.consentGivenBy", "is required for a sample"));
            }
            if (entry.kitNumber() == null || entry.kitNumber().isBlank()) {
                broken.add(new Violation("$.kitNumber", "is required for a sample"));
            }
        }
        if (entry.attendance() == Attendance.IDENTITY_MISMATCH && Boolean.TRUE.equals(entry.identityVerified())) {
            broken.add(new Violation("$.identityVerified", "cannot be true when the identity did not match"));
        }
        if (entry.consentGivenBy() != null
                && !entry.consentGivenBy().equals(GUARDIAN)
                && family.members.stream().map(CaseMember::memberRef).noneMatch(entry.consentGivenBy()::equals)) {
            broken.add(new Violation("$.consentGivenBy", "must be a member of the case, or " + GUARDIAN));
        }
        boolean changesOutcome = member.attendance.isOutcome() && entry.attendance() != member.attendance;
        if (changesOutcome
                && (entry.correctionReason() == null || entry.correctionReason().isBlank())) {
            broken.add(new Violation("$.correctionReason", "is required to change a recorded outcome"));
        }
        if (!broken.isEmpty()) {
            throw new InvalidRequest(broken);
        }
    }

    private static Appointment visible(UUID appointmentId, CentreAccess access) {
        Appointment appointment = Appointment.findById(appointmentId);
        if (appointment == null || !access.mayActFor(appointment.centreCode)) {
            throw new NotFound("appointment " + appointmentId);
        }
        return appointment;
    }

    private static void requireOpenDay(Appointment appointment) {
        if (appointment.status == AppointmentStatus.CANCELLED) {
            throw new Conflict(
                    "appointment-cancelled",
                    "The appointment was cancelled",
                    "no attendance is recorded for a cancelled appointment",
                    null);
        }
        if (appointment.status == AppointmentStatus.COMPLETED) {
            throw new Conflict(
                    "day-closed",
                    "The day's list is closed",
                    "the list of " + appointment.localDate + " is closed; attendance is final",
                    null);
        }
        LocalDate today = LocalDate.now(ZoneId.of(appointment.zone));
        if (!today.equals(appointment.localDate)) {
            throw new Conflict(
                    today.isBefore(appointment.localDate) ? "day-not-begun" : "day-closed",
                    "Attendance is recorded on the appointment day",
                    "the appointment is on " + appointment.localDate + "; today at the centre is " + today,
                    null);
        }
    }

    /** The day's live appointments, in family id order (the lock order). */
    private static List<Appointment> openAppointments(String centreCode, LocalDate date) {
        return Appointment.list(
                "centreCode = ?1 and localDate = ?2 and status = ?3 order by requestId",
                centreCode,
                date,
                AppointmentStatus.BOOKED);
    }
}
