package org.iom.dna.intake.service;

import org.iom.dna.intake.domain.SamplingRequest;

/** @param created false when an identical earlier submission was found (idempotent resend) */
public record SubmissionResult(SamplingRequest request, boolean created) {}
