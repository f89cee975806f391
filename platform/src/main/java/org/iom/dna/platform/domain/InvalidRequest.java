package org.iom.dna.platform.domain;

import java.util.List;

/** The request breaks rules that span several fields or need the domain to judge. */
public final class InvalidRequest extends DomainException {

    private final List<Violation> violations;

    public InvalidRequest(List<Violation> violations) {
        super(violations.size() + " field(s) are not valid");
        this.violations = List.copyOf(violations);
    }

    public static InvalidRequest of(String path, String message) {
        return new InvalidRequest(List.of(new Violation(path, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
