package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.messaging.Outbox;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.AppointmentMember;
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

    BookingService(EntityManager em, Outbox outbox,
            @ConfigProperty(name = "scheduling.lead-time.same-country") Duration sameCountryLead,
            @ConfigProperty(name = "scheduling.lead-time.other-country") Duration otherCountryLead) {
        this.em = em;
        this.outbox = outbox;
        this.sameCountryLead = sameCountryLead;
        this.otherCountryLead = otherCountryLead;
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
        boolean travels = family.members.stream().anyMatch(m -> !m.currentCountry.equals(family.country));
        Instant earliest = Instant.now().plus(travels ? otherCountryLead : sameCountryLead);
        List<SlotReplica> candidates = SlotReplica.candidates(family.country, earliest, family.deadline);
        Map<UUID, SlotReplica> byId = candidates.stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<FamilyMatcher.Member> members = family.members.stream()
                .map(m -> new FamilyMatcher.Member(m.memberRef(), m.minor, m.accompaniedBy)).toList();
        List<FamilyMatcher.OpenSlot> open = candidates.stream()
                .map(s -> new FamilyMatcher.OpenSlot(s.id, s.centreCode, s.localDate, s.startsAt, s.endsAt, s.capacity - s.booked))
                .toList();
        Optional<FamilyMatcher.Match> match = FamilyMatcher.match(members, open, family.preferredCentre);
        if (match.isEmpty()) {
            if (family.waitlistedAt == null) {
                family.waitlistedAt = Instant.now();
                outbox.publish(Topics.APPOINTMENTS, family.requestId.toString(), FamilyWaitlistedV1.TYPE,
                        new FamilyWaitlistedV1(family.requestId, family.waitlistedAt));
            }
            return Optional.empty();
        }

        Map<UUID, Long> perSlot = match.get().placements().stream()
                .collect(Collectors.groupingBy(p -> p.slot().id(), TreeMap::new, Collectors.counting()));
        perSlot.forEach((slotId, people) -> {
            int updated = em.createNativeQuery("update slot set booked = booked + ?1"
                            + " where id = ?2 and status = 'OPEN' and booked + ?1 <= capacity")
                    .setParameter(1, people.intValue()).setParameter(2, slotId).executeUpdate();
            if (updated == 0) {
                throw new CapacityTaken();
            }
        });

        SlotReplica first = byId.get(match.get().placements().get(0).slot().id());
        Appointment appointment = new Appointment();
        appointment.id = UUID.randomUUID();
        appointment.requestId = family.requestId;
        appointment.centreCode = match.get().centreCode();
        appointment.zone = first.zone;
        appointment.localDate = match.get().localDate();
        appointment.sequence = (int) Appointment.count("requestId", family.requestId);
        appointment.status = "BOOKED";
        appointment.bookedAt = Instant.now();
        for (FamilyMatcher.Placement placement : match.get().placements()) {
            SlotReplica slot = byId.get(placement.slot().id());
            AppointmentMember member = new AppointmentMember();
            member.key.memberRef = placement.memberRef();
            member.appointment = appointment;
            member.slotId = slot.id;
            member.startsAt = slot.startsAt;
            member.localStart = slot.localStart;
            appointment.members.add(member);
        }
        appointment.persist();
        family.status = CaseStatus.BOOKED;
        family.updatedAt = appointment.bookedAt;
        outbox.publish(Topics.APPOINTMENTS, family.requestId.toString(), AppointmentBookedV1.TYPE, booked(appointment));
        return Optional.of(appointment);
    }

    private static AppointmentBookedV1 booked(Appointment a) {
        return new AppointmentBookedV1(a.id, a.requestId, a.centreCode, a.zone, a.localDate, a.sequence, a.bookedAt,
                a.members.stream().map(m -> new AppointmentBookedV1.BookedMember(m.key.memberRef, m.slotId,
                        m.startsAt, m.localStart)).toList());
    }
}
