package org.supportplans.cases;

import java.time.LocalDate;

/**
 * Published (a Spring application event, in the transaction of the step) when a milestone is written to a
 * case's timeline: other modules follow the case through it instead of through the steps.
 */
public record CaseMilestone(String caseId, CaseEventKind kind, LocalDate on, String actor) {}
