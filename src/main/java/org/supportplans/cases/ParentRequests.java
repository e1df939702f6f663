package org.supportplans.cases;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parents asked for something about their child's identification, evaluation, placement or services, and the
 * school refuses: prior written notice of the refusal (34 CFR 300.503(a)(2)), with what they asked, why, what the team
 * used to decide and the options it considered (300.503(b)). (A request the school agrees to is carried out by its
 * own step: an evaluation, an amendment, a review, each with its own notice.)
 */
@Service
public class ParentRequests {

    private final OpenCases cases;
    private final DistrictDay days;
    private final Timeline timeline;
    private final PlanRecords records;

    ParentRequests(OpenCases cases, DistrictDay days, Timeline timeline, PlanRecords records) {
        this.cases = cases;
        this.days = days;
        this.timeline = timeline;
        this.records = records;
    }

    /** What the parents asked and why the school refuses it, as the team wrote it for the notice. */
    public record Refusal(
            LocalDate requestedOn,
            String request,
            ParentRequestSubject about,
            String reasons,
            String evidence,
            String optionsConsidered) {}

    /** Records the refusal and sends the parents its prior written notice; returns the notice. */
    @Transactional
    public CaseView.NoticeView refuse(String caseId, Refusal refusal, String actor) {
        SupportCase supportCase = cases.open(caseId);
        LocalDate today = days.today(supportCase);
        CaseDates.requireBetween(
                refusal.requestedOn(), supportCase.getOpenedOn(), "the case was opened", today, "The request date");
        ParentNotice notice = records.send(
                supportCase,
                new ParentNotice(
                        caseId,
                        NoticeKind.PRIOR_WRITTEN_NOTICE,
                        today,
                        PriorWrittenNotices.requestRefused(
                                supportCase,
                                refusal.requestedOn(),
                                refusal.request().strip(),
                                refusal.about(),
                                refusal.reasons().strip(),
                                refusal.evidence().strip(),
                                refusal.optionsConsidered().strip()),
                        null,
                        actor));
        timeline.record(
                supportCase,
                today,
                CaseEventKind.REQUEST_REFUSED,
                "The parents' request of " + refusal.requestedOn() + " refused; prior written notice sent",
                actor);
        return PlanVersions.view(notice);
    }
}
