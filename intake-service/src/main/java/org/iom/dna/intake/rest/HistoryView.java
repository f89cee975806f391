package org.iom.dna.intake.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iom.dna.intake.service.SamplingRequestService;

/** Everything that happened to a case: status steps and every attempt to reach a member. */
public record HistoryView(List<Transition> transitions, List<Attempt> contactAttempts) {

    public record Transition(String from, String to, Instant at, String cause) {}

    /** @param outcome SENT, FAILED (retried), GAVE_UP or NO_CHANNEL */
    public record Attempt(
            UUID deliveryId, String personRef, String kind, String channel, int attempt, String outcome, Instant at) {}

    static HistoryView of(SamplingRequestService.History h) {
        return new HistoryView(
                h.transitions().stream()
                        .map(t -> new Transition(t.from == null ? null : t.from.name(), t.to.name(), t.at, t.cause))
                        .toList(),
                h.contactAttempts().stream()
                        .map(a -> new Attempt(a.deliveryId, a.personRef, a.kind, a.channel, a.attempt, a.outcome, a.at))
                        .toList());
    }
}
