package org.iom.dna.optimiser.model;

import java.time.LocalDate;

/** A family to be seen at a centre on a day; families not assigned stay unscheduled. */
public record Assignment(String family, String centre, LocalDate day) {}
