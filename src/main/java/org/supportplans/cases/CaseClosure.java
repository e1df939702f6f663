package org.supportplans.cases;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The end of a case: the plans in effect end, the clocks are cancelled, the case closes with its reason. */
@Service
@Transactional
public class CaseClosure {

    private final OpenCases cases;
    private final DistrictDay days;
    private final Timeline timeline;
    private final CaseClocks clocks;

    CaseClosure(OpenCases cases, DistrictDay days, Timeline timeline, CaseClocks clocks) {
        this.cases = cases;
        this.days = days;
        this.timeline = timeline;
        this.clocks = clocks;
    }

    /** Closes the case for a reason; ends the plans in effect, with prior written notice where the law asks for it. */
    public void close(String caseId, ClosureReason reason) {
        SupportCase supportCase = cases.find(caseId);
        if (!supportCase.isOpen()) {
            return; // a retried job: closed already
        }
        LocalDate today = days.today(supportCase);
        for (SupportPlan plan : supportCase.plans(PlanStatus.IN_EFFECT)) {
            plan.end(today);
        }
        if (reason == ClosureReason.CONSENT_REVOKED || reason == ClosureReason.NO_LONGER_ELIGIBLE) {
            // 34 CFR 300.300(b)(4)(i), 300.503: services end after prior written notice
            supportCase.add(new ParentNotice(caseId, NoticeKind.PRIOR_WRITTEN_NOTICE, today));
        }
        supportCase.close(reason, today);
        clocks.cancelAll(caseId, reason);
        timeline.record(supportCase, today, CaseEventKind.CASE_CLOSED, "Case closed: " + reason.description(), null);
    }
}
