package org.iom.dna.intake.rest;

import java.time.Instant;
import org.iom.dna.intake.domain.StatusTransition;

public record StatusTransitionView(String from, String to, Instant at, String cause) {

    static StatusTransitionView of(StatusTransition t) {
        return new StatusTransitionView(t.from == null ? null : t.from.name(), t.to.name(), t.at, t.cause);
    }
}
