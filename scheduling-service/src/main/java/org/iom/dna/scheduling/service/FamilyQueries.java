package org.iom.dna.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.FamilyCase;

/** What country offices read about families: one family with its live appointment, and the waitlist. */
@ApplicationScoped
public class FamilyQueries {

    /** A family and its live appointment, if it has one. */
    public record Family(FamilyCase family, Optional<Appointment> appointment) {}

    /** @throws NotFound if scheduling has not received this request */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Family family(UUID requestId) {
        FamilyCase family = FamilyCase.<FamilyCase>findByIdOptional(requestId)
                .orElseThrow(() -> new NotFound("family " + requestId));
        return new Family(family, Appointment.liveFor(requestId));
    }

    /**
     * Every appointment the family has had, oldest first: bookings, moves (each pointing to the one it replaces)
     * and attended days.
     *
     * @throws NotFound if scheduling has not received this request
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Appointment> history(UUID requestId) {
        if (FamilyCase.findById(requestId) == null) {
            throw new NotFound("family " + requestId);
        }
        return Appointment.historyOf(requestId);
    }

    /** Waiting families in the order they are served, at most {@code limit}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FamilyCase> waitlist(int limit) {
        return waitlist(null, limit);
    }

    /** The same for one sampling country (all countries when {@code country} is null). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FamilyCase> waitlist(String country, int limit) {
        return FamilyCase.waitlist(country, limit).stream()
                .map(id -> FamilyCase.<FamilyCase>findById(id))
                .toList();
    }
}
