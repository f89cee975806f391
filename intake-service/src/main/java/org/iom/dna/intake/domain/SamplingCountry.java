package org.iom.dna.intake.domain;

/** Countries where IOM samples for the IND (ISO 3166-1 alpha-2). */
public enum SamplingCountry {
    ET,
    IR,
    LB,
    SD,
    TR
}
