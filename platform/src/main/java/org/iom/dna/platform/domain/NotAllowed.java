package org.iom.dna.platform.domain;

/** The caller's role may not do this, for a reason worth telling (role checks say less). */
public final class NotAllowed extends DomainException {

    public NotAllowed(String detail) {
        super(detail);
    }
}
