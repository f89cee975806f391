package org.iom.dna.intake.rest;

import java.util.List;

/** One page of cases; {@code total} counts every match, not just this page. */
public record CaseListView(List<SamplingRequestView> items, int page, int size, long total) {}
