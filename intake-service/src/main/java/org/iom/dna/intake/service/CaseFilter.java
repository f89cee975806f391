package org.iom.dna.intake.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iom.dna.events.Priority;
import org.iom.dna.intake.domain.RequestStatus;

/** What country-office staff filter the case list by; every field is optional. */
public record CaseFilter(
        String country,
        RequestStatus status,
        Priority priority,
        LocalDate deadlineBefore,
        Instant receivedFrom,
        Instant receivedTo) {

    record Query(String jpql, Map<String, Object> parameters) {}

    Query toQuery() {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (country != null) {
            where.add("country = :country");
            parameters.put("country", country);
        }
        if (status != null) {
            where.add("status = :status");
            parameters.put("status", status);
        }
        if (priority != null) {
            where.add("priority = :priority");
            parameters.put("priority", priority);
        }
        if (deadlineBefore != null) {
            where.add("deadline < :deadlineBefore");
            parameters.put("deadlineBefore", deadlineBefore);
        }
        if (receivedFrom != null) {
            where.add("receivedAt >= :receivedFrom");
            parameters.put("receivedFrom", receivedFrom);
        }
        if (receivedTo != null) {
            where.add("receivedAt < :receivedTo");
            parameters.put("receivedTo", receivedTo);
        }
        return new Query(where.isEmpty() ? "1 = 1" : String.join(" and ", where), parameters);
    }
}
