package io.directline.cases;

import java.time.Instant;

/** A case moved from one status to another. */
public record CaseStatusChanged(long caseId, CaseStatus from, CaseStatus to, String by, Instant at) {}
