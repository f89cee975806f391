package org.iom.dna.optimiser.timefold;

/** A centre-day as a planning value: an index into {@link org.iom.dna.optimiser.solve.Openings} and its capacity. */
public record CentreDaySlot(int index, int capacity) {}
