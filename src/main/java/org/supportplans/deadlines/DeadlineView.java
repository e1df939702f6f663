package org.supportplans.deadlines;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/** What {@code GET /api/deadlines} answers: a page of clocks, soonest due first. */
record DeadlineView(List<Row> content, int page, int size, long totalElements, int totalPages) {

    /**
     * A clock of a case as the coordinator watches it. Every field is written, null included: a due date
     * or days left that are not known show as null, next to the reason.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Row(
            Long clockId,
            String caseId,
            String studentName,
            String studentLocalId,
            String schoolId,
            String schoolName,
            String clock,
            String clockLabel,
            String legalBasis,
            String rule,
            LocalDate startDate,
            LocalDate dueDate,
            String dueUnknownReason,
            ClockStatus status,
            Integer daysLeft,
            List<NextStep> nextStep) {}

    /** An open task of the case: who holds it, or which roles it is offered to, and where to open it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NextStep(
            String taskId,
            String name,
            String assignee,
            List<String> candidateGroups,
            LocalDate dueDate,
            String tasklistUrl) {}
}
