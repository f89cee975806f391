package org.iom.dna.platform.rest;

import java.net.URI;

/** A failure a client can act on; mapped to problem details by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, what + " does not exist"));
    }

    public static ProblemException invalid(java.util.List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(Problem.type("validation"), "The request is not valid", 400,
                errors.size() + " field(s) are not valid", errors, null));
    }

    public static ProblemException conflict(String slug, String title, String detail, URI existing) {
        return new ProblemException(new Problem(Problem.type(slug), title, 409, detail, null, existing));
    }
}
