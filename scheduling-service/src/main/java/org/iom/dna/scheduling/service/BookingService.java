package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.messaging.Outbox;
import org.iom.dna.scheduling.config.SchedulingConfig;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.AppointmentMember;
import org.iom.dna.scheduling.domain.AppointmentStatus;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.iom.dna.scheduling.domain.SlotReplica;

/**
 * Books one waiting family. Capacity is guarded by the database, not by this class: each slot's
 * {@code booked} count is raised by a conditional update that fails when the slot no longer has
 * room (another instance, or staff cutting capacity, got there first). Then the whole booking
 * rolls back and the family is tried again on the next pass. Locks are taken family first, then slots
 * in id order, as everywhere in this service.
 */
@ApplicationScoped
public class BookingService {

    private final EntityManager em;
    private final Outbox outbox;
    private final Duration sameCountryLead;
    private final Duration otherCountryLead;

    BookingService(EntityManager em, Outbox outbox, SchedulingConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.sameCountryLead = config.leadTime().sameCountry();
        this.otherCountryLead = config.leadTime().otherCountry();
    }

    /** No family can be booked sooner than this from now. */
    public Duration shortestLeadTime() {
        return sameCountryLead.compareTo(otherCountryLead) <= 0 ? sameCountryLead : otherCountryLead;
    }

    /** Thrown when a slot filled up between reading and booking; the transaction rolls back. */
    public static class CapacityTaken extends RuntimeException {
        CapacityTaken() {
            super("a slot filled up while booking", null, false, false);
        }
    }

    /** @return the new appointment, or empty when no feasible day exists yet (the family keeps waiting) */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Appointment> tryBook(UUID requestId) {
        FamilyCase family = em.find(FamilyCase.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (family == null || family.status != CaseStatus.WAITING) {
            return Optional.empty();
        }
        List<SlotReplica> candidates = SlotReplica.candidates(family.country, earliestDay(family), family.deadline);
        Optional<FamilyMatcher.Match> match =
                FamilyMatcher.match(matcherMembers(family), openSlots(candidates), family.preferredCentre);
        if (match.isEmpty()) {
            waitlistOnce(family);
            return Optional.empty();
        }
        reserve(match.get());
        Appointment appointment = appointment(
                family, match.get(), candidates.stream().collect(Collectors.toMap(s -> s.id, Function.identity())));
        appointment.persist();
        family.status = CaseStatus.BOOKED;
        family.updatedAt = appointment.bookedAt;
        outbox.publish(Topics.APPOINTMENTS, family.requestId.toString(), AppointmentBookedV1.TYPE, booked(appointment));
        return Optional.of(appointment);
    }

    /** The travel lead time from now: longer when any member must cross a border. */
    private Instant earliestDay(FamilyCase family) {
        boolean travels = family.members.stream().anyMatch(m -> !m.currentCountry.equals(family.country));
        return Instant.now().plus(travels ? otherCountryLead : sameCountryLead);
    }

    private static List<FamilyMatcher.Member> matcherMembers(FamilyCase family) {
        return family.members.stream()
                .map(m -> new FamilyMatcher.Member(m.memberRef(), m.minor, m.accompaniedBy))
                .toList();
    }

    private static List<FamilyMatcher.OpenSlot> openSlots(List<SlotReplica> candidates) {
        return candidates.stream()
                .map(s -> new FamilyMatcher.OpenSlot(
                        s.id, s.centreCode, s.localDate, s.startsAt, s.endsAt, s.capacity - s.booked))
                .toList();
    }

    /** The IND learns once that the family waits; later passes that still find no day say nothing. */
    private void waitlistOnce(FamilyCase family) {
        if (family.waitlistedAt == null) {
            family.waitlistedAt = Instant.now();
            outbox.publish(
                    Topics.APPOINTMENTS,
                    family.requestId.toString(),
                    FamilyWaitlistedV1.TYPE,
                    new FamilyWaitlistedV1(family.requestId, family.waitlistedAt));
        }
    }

    /**
     * Takes the places, slot by slot in id order (the lock order), each by a conditional update that
     * keeps the booked count within capacity.
     *
     * @throws CapacityTaken if another booking or a capacity cut got there first
     */
    private void reserve(FamilyMatcher.Match match) {
        Map<UUID, Long> perSlot = match.placements().stream()
                .collect(Collectors.groupingBy(p -> p.slot().id(), TreeMap::new, Collectors.counting()));
        perSlot.forEach((slotId, people) -> {
            int updated = em.createNativeQuery("update slot set booked = booked + ?1"
                            + " where id = ?2 and status = 'OPEN' and booked + ?1 <= capacity")
                    .setParameter(1, people.intValue())
                    .setParameter(2, slotId)
                    .executeUpdate();
            if (updated == 0) {
                throw new CapacityTaken();
            }
        });
    }

    private static Appointment appointment(FamilyCase family, FamilyMatcher.Match match, Map<UUID, SlotReplica> slots) {
        Appointment appointment = new Appointment();
        appointment.id = UUID.randomUUID();
        appointment.requestId = family.requestId;
        appointment.centreCode = match.centreCode();
        appointment.zone = slots.get(match.placements().get(0).slot().id()).zone;
        appointment.localDate = match.localDate();
        appointment.sequence = (int) Appointment.count("requestId", family.requestId);
        appointment.status = AppointmentStatus.BOOKED;
        appointment.bookedAt = Instant.now();
        for (FamilyMatcher.Placement placement : match.placements()) {
            SlotReplica slot = slots.get(placement.slot().id());
            AppointmentMember member = new AppointmentMember();
            member.key.memberRef = placement.memberRef();
            member.appointment = appointment;
            member.slotId = slot.id;
            member.startsAt = slot.startsAt;
            member.localStart = slot.localStart;
            appointment.members.add(member);
        }
        return appointment;
    }

    private static AppointmentBookedV1 booked(Appointment a) {
        return new AppointmentBookedV1(
                a.id,
                a.requestId,
                a.centreCode,
                a.zone,
                a.localDate,
                a.sequence,
                a.bookedAt,
                a.members.stream()
                        .map(m -> new AppointmentBookedV1.BookedMember(
                                m.key.memberRef, m.slotId, m.startsAt, m.localStart))
                        .toList());
    }
}
