package org.supportplans.cases;

import java.time.LocalDate;

/**
 * Published (a Spring application event, in the transaction that records it) when a notice to the parents is
 * recorded as sent; {@link PlanVersions#notice} reads it with its content.
 */
public record NoticeSent(String caseId, Long noticeId, NoticeKind kind, LocalDate sentOn, Long planId) {}
