package org.iom.dna.intake.service;

import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.intake.domain.SamplingRequest;

/** Maps cases to event contracts: references and scheduling facts only, never personal data. */
final class IntakeEvents {

    private IntakeEvents() {}

    static SamplingRequestReceivedV1 received(SamplingRequest r) {
        return new SamplingRequestReceivedV1(
                r.id,
                r.country,
                r.adHoc,
                r.preferredCentre,
                r.priority,
                r.deadline,
                r.receivedAt,
                r.members.stream()
                        .map(m -> new SamplingRequestReceivedV1.Member(
                                m.personRef,
                                m.ageOnDeadline,
                                m.minor,
                                m.accompaniedBy,
                                m.language,
                                m.needsInterpreter,
                                m.needsAccessibility,
                                m.needsMedical,
                                m.currentCountry,
                                m.localCentre))
                        .toList());
    }
}
