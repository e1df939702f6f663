package org.supportplans.cases;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.system.NotFoundException;

/**
 * The read model of plan versions and notices, for the API and for whoever renders them (a plan's document, a
 * notice's letter): each version with its dates, who finalised it and its full content; each notice with its
 * content. No access check here: the caller has checked that the reader may see the case.
 */
@Service
@Transactional(readOnly = true)
public class PlanVersions {

    private final OpenCases cases;

    PlanVersions(OpenCases cases) {
        this.cases = cases;
    }

    /** Every version of every plan of the case, by kind and version. */
    public List<CaseView.PlanView> versions(String caseId) {
        return views(cases.find(caseId));
    }

    /** One version, as it was finalised. */
    public CaseView.PlanView version(String caseId, Long planId) {
        return cases.find(caseId).getPlans().stream()
                .filter(p -> p.getId().equals(planId))
                .findFirst()
                .map(PlanVersions::view)
                .orElseThrow(() -> new NotFoundException("No plan " + planId + " in case " + caseId + "."));
    }

    /** One notice sent to the parents, with its content. */
    public CaseView.NoticeView notice(String caseId, Long noticeId) {
        return cases.find(caseId).getNotices().stream()
                .filter(n -> n.getId().equals(noticeId))
                .findFirst()
                .map(PlanVersions::view)
                .orElseThrow(() -> new NotFoundException("No notice " + noticeId + " in case " + caseId + "."));
    }

    static List<CaseView.PlanView> views(SupportCase supportCase) {
        return supportCase.getPlans().stream()
                .sorted(Comparator.comparing(SupportPlan::getKind).thenComparing(SupportPlan::getPlanVersion))
                .map(PlanVersions::view)
                .toList();
    }

    static CaseView.PlanView view(SupportPlan p) {
        return new CaseView.PlanView(
                p.getId(),
                p.getKind(),
                p.getStatus(),
                p.getStartsOn(),
                p.getEndsOn(),
                p.getInEffectOn(),
                p.getEndedOn(),
                p.getPresentLevels(),
                p.getAnnualGoals(),
                p.getServices(),
                p.getAccommodations(),
                p.getProvidedAccommodations(),
                p.getPlacement(),
                p.getTransitionPlan(),
                p.getStrengthAreas(),
                p.getAchievementGoals(),
                p.getAffectiveGoals(),
                p.getProgramming(),
                p.getWrittenBy(),
                p.getPlanVersion(),
                p.getOrigin(),
                p.getPreviousId(),
                p.getEffectiveFrom(),
                p.getEffectiveTo(),
                p.getReviewDue(),
                p.getFinalisedBy(),
                p.getFinalisedAt(),
                p.getChangeSummary(),
                p.getIepElements());
    }

    static CaseView.NoticeView view(ParentNotice n) {
        return new CaseView.NoticeView(
                n.getKind(), n.getSentOn(), n.getId(), n.getPlanId(), n.getSentBy(), n.getContent());
    }
}
