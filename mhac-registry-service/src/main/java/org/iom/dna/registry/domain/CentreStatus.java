package org.iom.dna.registry.domain;

public enum CentreStatus {
    ACTIVE,
    SUSPENDED,
    CLOSED
}
