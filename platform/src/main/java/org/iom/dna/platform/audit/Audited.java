package org.iom.dna.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that reads or changes personal data: every call to it is recorded in the audit trail with who
 * called, through which client and token, from where, about which record, and the outcome, refused attempts
 * included ({@link AuditFilter}). The record is named by the operation's path parameters {@code id} and
 * {@code personRef}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    /** What kind of record, e.g. {@code family-member}, {@code sampling-request}. */
    String record();

    /** Which personal data the operation reads or changes, e.g. {@code {"name", "phone", "email"}}. */
    String[] fields();
}
