package org.iom.dna.platform.domain;

/**
 * A request the domain refuses, said in the domain's words. Services throw these and never know
 * about HTTP; {@code ProblemMappers} turns each kind into problem details once, for every service.
 * Messages name what was refused, never personal data from the request.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Conflict, InvalidRequest, PreconditionFailed, NotAllowed {

    protected DomainException(String message) {
        // No stack trace: these are answers to clients, not failures to investigate.
        super(message, null, false, false);
    }
}
