package org.iom.dna.optimiser.model;

/**
 * One person to be sampled. A minor is seen with the adult of the same family named by {@code accompaniedBy};
 * the decision "one centre, one day, consecutive places" keeps them together, so the solvers need only count
 * members.
 *
 * @param accompaniedBy the {@code ref} of the accompanying adult, or null (adults, unaccompanied minors)
 */
public record Member(String ref, boolean minor, String accompaniedBy) {}
