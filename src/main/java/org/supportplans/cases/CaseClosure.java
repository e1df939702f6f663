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
    private final PlanRecords records;

    CaseClosure(OpenCases cases, DistrictDay days, Timeline timeline, CaseClocks clocks, PlanRecords records) {
        this.cases = cases;
        this.days = days;
        this.timeline = timeline;
        this.clocks = clocks;
        this.records = records;
    }

    /** Closes the case for a reason; ends the plans in effect, with prior written notice where the law asks for it. */
    public void close(String caseId, ClosureReason reason) {
        SupportCase supportCase = cases.find(caseId);
        if (!supportCase.isOpen()) {
            return; // a retried job: closed already
        }
        LocalDate today = days.today(supportCase);
        SupportPlan iep = supportCase.plans(PlanStatus.IN_EFFECT).stream()
                .filter(plan -> plan.getKind() == PlanKind.IEP)
                .findFirst()
                .orElse(null);
        for (SupportPlan plan : supportCase.plans(PlanStatus.IN_EFFECT)) {
            plan.end(today);
        }
        boolean endsAnIep = iep != null && (reason == ClosureReason.GRADUATED || reason == ClosureReason.AGED_OUT);
        if (reason == ClosureReason.CONSENT_REVOKED || reason == ClosureReason.NO_LONGER_ELIGIBLE || endsAnIep) {
            // 34 CFR 300.300(b)(4)(i), 300.503: services end after prior written notice; graduating with a regular
            // diploma is a change in placement that needs it too (300.102(a)(3)(iii))
            records.send(
                    supportCase,
                    new ParentNotice(
                            caseId,
                            NoticeKind.PRIOR_WRITTEN_NOTICE,
                            today,
                            endOfServices(reason, iep),
                            iep == null ? null : iep.getId(),
                            null));
        }
        if (endsAnIep) {
            // 300.305(e)(3): a student whose eligibility ends by graduating or aging out gets a summary of their
            // academic achievement and functional performance, with recommendations for their postsecondary goals
            records.send(
                    supportCase,
                    new ParentNotice(
                            caseId,
                            NoticeKind.SUMMARY_OF_PERFORMANCE,
                            today,
                            summaryOfPerformance(iep),
                            iep.getId(),
                            null));
        }
        supportCase.close(reason, today);
        clocks.cancelAll(caseId, reason);
        timeline.record(supportCase, today, CaseEventKind.CASE_CLOSED, "Case closed: " + reason.description(), null);
    }

    private static NoticeContent endOfServices(ClosureReason reason, SupportPlan iep) {
        String subject;
        String reasons;
        String options;
        switch (reason) {
            case CONSENT_REVOKED -> {
                subject = "Special education services end at your written request";
                reasons = "You revoked in writing your consent to special education and related services (34 CFR"
                        + " 300.300(b)(4)). The school must stop the services and may not ask a hearing officer to"
                        + " continue them.";
                options = "Continuing the services: not possible without your consent.";
            }
            case NO_LONGER_ELIGIBLE -> {
                subject = "Your child is no longer eligible for special education";
                reasons = "The reevaluation found that your child no longer has a disability that needs special"
                        + " education (34 CFR 300.305(e)(1)).";
                options = "Continuing the IEP: rejected, the reevaluation found no further need.";
            }
            case GRADUATED -> {
                subject = "Special education ends with graduation";
                reasons = "Your child graduates with a regular high school diploma: eligibility for special education"
                        + " ends (34 CFR 300.102(a)(3)).";
                options = "Continuing services past graduation: not provided with a regular diploma.";
            }
            default -> {
                subject = "Special education ends at the end of eligibility by age";
                reasons = "Your child reaches the age at which eligibility for special education ends under state law"
                        + " (34 CFR 300.101(a), 300.102(a)(1)).";
                options = "Continuing services: not available past the state's age of eligibility.";
            }
        }
        return new NoticeContent(
                NoticeContent.Action.PROPOSED,
                subject,
                reasons,
                iep == null
                        ? null
                        : "The IEP in effect since " + iep.getEffectiveFrom() + " (version " + iep.getPlanVersion()
                                + ")",
                options,
                null,
                NoticeContent.IDEA_SAFEGUARDS,
                "en");
    }

    private static NoticeContent summaryOfPerformance(SupportPlan iep) {
        return new NoticeContent(
                NoticeContent.Action.INFORMATION,
                "Summary of academic achievement and functional performance",
                "Academic achievement and functional performance: " + iep.getPresentLevels(),
                "The IEP in effect since " + iep.getEffectiveFrom() + " (version " + iep.getPlanVersion()
                        + ") and its progress reports",
                null,
                iep.getTransitionPlan() == null || iep.getTransitionPlan().isBlank()
                        ? null
                        : "Recommendations toward the postsecondary goals: " + iep.getTransitionPlan(),
                NoticeContent.IDEA_SAFEGUARDS,
                "en");
    }
}
