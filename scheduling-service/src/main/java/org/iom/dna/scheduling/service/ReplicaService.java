package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.events.InterpreterRosterChangedV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.scheduling.domain.CaseMember;
import org.iom.dna.scheduling.domain.CaseStatus;
import org.iom.dna.scheduling.domain.FamilyCase;

/** Keeps scheduling's copies of families and slots in step with the events of intake and registry. */
@ApplicationScoped
public class ReplicaService {

    private final EntityManager em;
    private final WaitlistService waitlist;

    ReplicaService(EntityManager em, WaitlistService waitlist) {
        this.em = em;
        this.waitlist = waitlist;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void familyReceived(SamplingRequestReceivedV1 event) {
        if (FamilyCase.findById(event.requestId()) != null) {
            return;
        }
        FamilyCase family = new FamilyCase();
        family.requestId = event.requestId();
        family.country = event.country();
        family.adHoc = event.adHocLocation();
        family.preferredCentre = event.preferredCentre();
        family.priority = event.priority();
        family.priorityRank = (short) event.priority().rank();
        family.deadline = event.deadline();
        family.receivedAt = event.receivedAt();
        family.status = CaseStatus.WAITING;
        family.updatedAt = Instant.now();
        int position = 0;
        for (SamplingRequestReceivedV1.Member m : event.members()) {
            CaseMember member = new CaseMember();
            member.key.memberRef = m.memberRef();
            member.familyCase = family;
            member.position = position++;
            member.ageOnDeadline = m.ageOnDeadline();
            member.minor = m.minor();
            member.accompaniedBy = m.accompaniedBy();
            member.currentCountry = m.currentCountry();
            member.localCentre = m.localCentre();
            member.language = m.language();
            member.needsInterpreter = m.needsInterpreter();
            member.needsAccessibility = m.needsAccessibility();
            member.needsMedicalCare = m.needsMedicalCare();
            family.members.add(member);
        }
        family.persist();
        if (!family.adHoc) {
            waitlist.familyArrived(family.requestId);
        }
    }

    /** Upsert, newest wins: an older event (replayed, or overtaken) does not undo a newer one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void centreChanged(CentreChangedV1 e) {
        em.createNativeQuery("insert into centre (code, country, zone, languages, facilities, status, changed_at)"
                        + " values (?1, ?2, ?3, ?4, ?7, ?5, ?6) on conflict (code) do update set country ="
                        + " excluded.country, zone = excluded.zone, languages = excluded.languages, facilities ="
                        + " excluded.facilities, status = excluded.status, changed_at = excluded.changed_at"
                        + " where centre.changed_at < excluded.changed_at")
                .setParameter(1, e.code())
                .setParameter(2, e.country())
                .setParameter(3, e.zone())
                .setParameter(4, e.languages() == null ? "" : String.join(",", e.languages()))
                .setParameter(5, e.status())
                .setParameter(6, e.changedAt())
                .setParameter(7, e.facilities() == null ? "" : String.join(",", e.facilities()))
                .executeUpdate();
        waitlist.capacityChanged(e.country()); // a new interpreter or facility may let a waiting family in
    }

    /** Upsert, newest wins, like the centre itself: the day's roster replaces the one before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void interpreterRosterChanged(InterpreterRosterChangedV1 e) {
        em.createNativeQuery("insert into interpreter_roster (centre_code, local_date, languages, changed_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict (centre_code, local_date) do update set languages ="
                        + " excluded.languages, changed_at = excluded.changed_at"
                        + " where interpreter_roster.changed_at < excluded.changed_at")
                .setParameter(1, e.centreCode())
                .setParameter(2, e.localDate())
                .setParameter(3, e.languages() == null ? "" : String.join(",", e.languages()))
                .setParameter(4, e.changedAt())
                .executeUpdate();
        waitlist.capacityChanged(e.country()); // an interpreter that day may let a waiting family in
    }

    /** Upsert: a replayed or re-sent slot event leaves the booked count alone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void slotOpened(SlotOpenedV1 e) {
        em.createNativeQuery("insert into slot (id, centre_code, country, zone, local_date, local_start, starts_at,"
                        + " ends_at, capacity, booked, status) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, 'OPEN')"
                        + " on conflict (id) do update set capacity = excluded.capacity, status = 'OPEN'")
                .setParameter(1, e.slotId())
                .setParameter(2, e.centreCode())
                .setParameter(3, e.country())
                .setParameter(4, e.zone())
                .setParameter(5, e.localDate())
                .setParameter(6, e.localStart())
                .setParameter(7, e.startsAt())
                .setParameter(8, e.endsAt())
                .setParameter(9, e.capacity())
                .executeUpdate();
        waitlist.capacityChanged(e.country());
    }
}
