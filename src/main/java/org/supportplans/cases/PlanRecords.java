package org.supportplans.cases;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a finalised plan version or a notice sent to the parents, and tells the rest of the application
 * ({@link PlanVersionFinalised}, {@link NoticeSent}) once the row has its id.
 */
@Component
class PlanRecords {

    private final SupportCaseRepository cases;
    private final ApplicationEventPublisher events;

    PlanRecords(SupportCaseRepository cases, ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    void finalised(SupportPlan plan) {
        cases.flush();
        events.publishEvent(new PlanVersionFinalised(
                plan.getCaseId(),
                plan.getId(),
                plan.getKind(),
                plan.getPlanVersion(),
                plan.getOrigin(),
                plan.getFinalisedBy(),
                plan.getFinalisedAt()));
    }

    ParentNotice send(SupportCase supportCase, ParentNotice notice) {
        supportCase.add(notice);
        cases.flush();
        events.publishEvent(new NoticeSent(
                supportCase.getId(), notice.getId(), notice.getKind(), notice.getSentOn(), notice.getPlanId()));
        return notice;
    }
}
