package org.iom.dna.intake.domain;

/** The IND's priority for a case; scheduling serves higher priorities first. */
public enum Priority {
    STANDARD, URGENT, MEDICAL, UNACCOMPANIED_MINOR
}
