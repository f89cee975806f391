package org.iom.dna.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.Violation;
import org.iom.dna.registry.domain.AvailabilityTemplate;
import org.iom.dna.registry.domain.OpeningHours;

/** Weekly availability rules. Slots follow at the next generation (nightly, or on demand). */
@ApplicationScoped
public class TemplateService {

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AvailabilityTemplate> list(String centreCode) {
        return AvailabilityTemplate.list("centreCode = ?1 order by dayOfWeek, starts", centreCode);
    }

    @Transactional
    public AvailabilityTemplate add(AvailabilityTemplate template) {
        if (!template.ends.isAfter(template.starts)) {
            throw InvalidRequest.of("$.ends", "must be after starts");
        }
        boolean workingDay = OpeningHours.forCentre(template.centreCode).stream()
                .anyMatch(h -> h.key.dayOfWeek == template.dayOfWeek
                        && !template.starts.isBefore(h.opens)
                        && !template.ends.isAfter(h.closes));
        if (!workingDay) {
            throw new InvalidRequest(List.of(
                    new Violation("$.dayOfWeek", "the centre is not open for the whole of this time on that weekday")));
        }
        if (template.validTo != null && template.validTo.isBefore(template.validFrom)) {
            throw new InvalidRequest(List.of(new Violation("$.validTo", "must not be before validFrom")));
        }
        template.id = UUID.randomUUID();
        template.persist();
        return template;
    }

    @Transactional
    public boolean delete(String centreCode, UUID id) {
        return AvailabilityTemplate.delete("centreCode = ?1 and id = ?2", centreCode, id) > 0;
    }
}
