package org.iom.dna.optimiser.model;

import java.time.LocalDate;

/** A centre on a day: where and when a family may be seen. */
public record CentreDay(String centre, LocalDate day) {}
