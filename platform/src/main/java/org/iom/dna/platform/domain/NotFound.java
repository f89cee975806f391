package org.iom.dna.platform.domain;

/** The thing asked for does not exist (or is not visible to the caller, which must look the same). */
public final class NotFound extends DomainException {

    /** @param what what was looked for, e.g. "centre ET-ADD" */
    public NotFound(String what) {
        super(what + " does not exist");
    }
}
