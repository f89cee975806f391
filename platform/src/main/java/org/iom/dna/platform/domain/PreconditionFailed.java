package org.iom.dna.platform.domain;

/**
 * A change based on a stale version (optimistic locking), or sent without saying which version it
 * is based on ({@link #missing()}).
 */
public final class PreconditionFailed extends DomainException {

    private final boolean missing;
    private final String title;

    private PreconditionFailed(boolean missing, String title, String detail) {
        super(detail);
        this.missing = missing;
        this.title = title;
    }

    /** The version the client based its change on is not the current one. */
    public static PreconditionFailed stale(String title, String detail) {
        return new PreconditionFailed(false, title, detail);
    }

    /** The client did not say which version its change is based on. */
    public static PreconditionFailed versionRequired(String detail) {
        return new PreconditionFailed(true, "If-Match required", detail);
    }

    public boolean missing() {
        return missing;
    }

    public String title() {
        return title;
    }
}
