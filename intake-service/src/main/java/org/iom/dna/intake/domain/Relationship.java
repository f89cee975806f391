package org.iom.dna.intake.domain;

/** The family member's tie to the sponsor in the Netherlands, as the IND states it. */
public enum Relationship {
    SPOUSE,
    PARTNER,
    CHILD,
    PARENT,
    SIBLING,
    OTHER
}
