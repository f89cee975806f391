package org.iom.dna.platform.domain;

import java.net.URI;

/** The request contradicts the current state (a reference already used, a case already closed). */
public final class Conflict extends DomainException {

    private final String kind;
    private final String title;
    private final URI existing;

    /**
     * @param kind stable slug clients may switch on, e.g. {@code duplicate-reference}
     * @param existing where the conflicting resource lives, if any
     */
    public Conflict(String kind, String title, String detail, URI existing) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.existing = existing;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public URI existing() {
        return existing;
    }
}
