package org.iom.dna.platform.messaging;

/**
 * An event that does not fit its contract (no CloudEvents id or type, a payload that does not map to
 * the event record). Retrying cannot help: the record is parked as a dead letter for an operator.
 * The message names the record and the mismatch, never payload values.
 */
public class ContractViolation extends RuntimeException {

    public ContractViolation(String message) {
        super(message);
    }

    public ContractViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
