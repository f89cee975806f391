package org.iom.dna.registry.domain;

/** OPEN takes bookings; BLOCKED is held back by MHAC staff; WITHDRAWN was removed by a closure. */
public enum SlotStatus {
    OPEN,
    BLOCKED,
    WITHDRAWN
}
