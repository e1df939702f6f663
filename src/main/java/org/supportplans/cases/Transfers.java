package org.supportplans.cases;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student who arrives with an IEP from another district (34 CFR 300.323(e), (f)): the school provides services
 * comparable to those of that IEP from the first day (the IEP recorded as version 1, origin {@code TRANSFER}, in
 * effect from the referral), until it adopts that IEP (a district of the same state only) or evaluates if needed and
 * develops a new one.
 */
@Service
@Transactional
public class Transfers {

    /** Where the IEP comes from: another district of the same state (300.323(e)) or another state (300.323(f)). */
    public enum From {
        IN_STATE,
        OUT_OF_STATE
    }

    /** What the new district decides, and the subject of its prior written notice (300.503(a)). */
    public enum Decision {
        /** Adopt the IEP of the previous district (300.323(e)(1)); in the same state only. */
        ADOPT_IEP("The school adopts your child's IEP from the previous district"),
        /** Develop, adopt and implement a new IEP at a plan meeting (300.323(e)(2)). */
        DEVELOP_NEW_IEP("The school proposes to develop a new IEP with you"),
        /** Evaluate first (300.323(e)(2), (f)(1); 300.304-300.306), then develop a new IEP. */
        EVALUATE("The school proposes to evaluate your child, then develop a new IEP");

        private final String noticeSubject;

        Decision(String noticeSubject) {
            this.noticeSubject = noticeSubject;
        }

        /** The subject of the decision's notice, as the case records it. */
        public String noticeSubject() {
            return noticeSubject;
        }

        /** The decision a transfer notice records, from its subject. */
        public static Optional<Decision> ofNotice(NoticeContent content) {
            return Arrays.stream(values())
                    .filter(decision -> decision.noticeSubject.equals(content.subject()))
                    .findFirst();
        }
    }

    /** The IEP the student arrives with, the district it comes from and the date of the student's last evaluation. */
    public record TransferIn(From from, String previousDistrict, LocalDate lastEvaluatedOn, PlanContent.Iep iep) {}

    private final OpenCases cases;
    private final DistrictDay days;
    private final Timeline timeline;
    private final CaseClocks clocks;
    private final PlanRecords records;

    Transfers(OpenCases cases, DistrictDay days, Timeline timeline, CaseClocks clocks, PlanRecords records) {
        this.cases = cases;
        this.days = days;
        this.timeline = timeline;
        this.clocks = clocks;
        this.records = records;
    }

    /** Records the transferred IEP and puts its services in effect, as comparable services, from the referral. */
    public void receive(String caseId, LocalDate receivedOn, TransferIn transfer, String actor) {
        SupportCase supportCase = cases.open(caseId);
        PlanContent.Iep iep = transfer.iep();
        if (iep.endsOn().isBefore(receivedOn)) {
            throw new CaseRuleViolation("The transferred IEP ended on " + iep.endsOn()
                    + ", before the referral: evaluate and develop a new IEP instead (34 CFR 300.323).");
        }
        if (transfer.lastEvaluatedOn().isAfter(receivedOn)) {
            throw new CaseRuleViolation(
                    "The last evaluation (" + transfer.lastEvaluatedOn() + ") is after the referral.");
        }
        if (iep.services().isEmpty()) {
            throw new CaseRuleViolation("A transferred IEP needs at least one service to provide.");
        }
        SupportPlan plan = SupportPlan.iep(caseId, iep, actor);
        plan.transferredIn(
                transfer.from(),
                "Services comparable to the IEP from " + transfer.previousDistrict() + " ("
                        + (transfer.from() == From.IN_STATE
                                ? "this state, 34 CFR 300.323(e)"
                                : "another state, 34 CFR 300.323(f)")
                        + "), from the first day",
                transfer.lastEvaluatedOn());
        plan.finalise(actor, days.now());
        plan.putInEffect(receivedOn, null);
        supportCase.add(plan);
        supportCase.planFor(java.util.Set.of(PlanKind.IEP));
        records.finalised(plan);
        timeline.record(
                supportCase,
                receivedOn,
                CaseEventKind.TRANSFERRED_IN,
                "Transferred in with an IEP from " + transfer.previousDistrict() + "; comparable services from "
                        + receivedOn,
                actor);
    }

    /** What the adoption sets going: the annual review and the reevaluation of the adopted IEP. */
    public record Adopted(LocalDate annualReviewDueOn, LocalDate reevaluationDueOn) {}

    /**
     * The new district decides: adopting the IEP (same state only) puts it in effect as the case's IEP, with its
     * annual review a year from its start (by the day after it ends, when that comes first) and the reevaluation
     * three years from the last evaluation; otherwise the
     * comparable services go on until the new IEP takes effect. Returns the adoption's clocks, or null.
     */
    public Adopted decide(String caseId, Decision decision, String why, String actor) {
        SupportCase supportCase = cases.open(caseId);
        SupportPlan transferred = supportCase.plans(PlanStatus.IN_EFFECT).stream()
                .filter(plan -> plan.getOrigin() == PlanOrigin.TRANSFER)
                .findFirst()
                .orElseThrow(() -> new NotAwaitedException("The case has no transferred IEP to decide on."));
        From from = transferred.getTransferredFrom();
        if (decision == Decision.ADOPT_IEP && from == From.OUT_OF_STATE) {
            // 300.323(f): another state's IEP is not adopted as it is; the new district evaluates if needed and
            // develops a new IEP
            throw new CaseRuleViolation(
                    "An IEP from another state cannot be adopted as it is (34 CFR 300.323(f)): develop a new IEP or"
                            + " evaluate.");
        }
        LocalDate today = days.today(supportCase);
        timeline.record(
                supportCase,
                today,
                CaseEventKind.TRANSFER_DECIDED,
                switch (decision) {
                    case ADOPT_IEP -> "The transferred IEP adopted";
                    case DEVELOP_NEW_IEP -> "A new IEP to be developed; comparable services meanwhile";
                    case EVALUATE -> "An evaluation first; comparable services meanwhile";
                },
                actor);
        // 300.503(a): the school proposes to adopt, or to change, the IEP the student arrived with
        records.send(
                supportCase,
                new ParentNotice(
                        caseId,
                        NoticeKind.PRIOR_WRITTEN_NOTICE,
                        today,
                        new NoticeContent(
                                NoticeContent.Action.PROPOSED,
                                decision.noticeSubject(),
                                why,
                                "The IEP and the records from the previous district; the last evaluation, of "
                                        + transferred.getLastEvaluatedOn(),
                                from == From.OUT_OF_STATE
                                        ? "Adopting the IEP as it is: not possible for an IEP from another state (34"
                                                + " CFR 300.323(f))."
                                        : null,
                                "Until then your child receives services comparable to those of the IEP from the"
                                        + " previous district (34 CFR 300.323(e), (f)).",
                                NoticeContent.IDEA_SAFEGUARDS,
                                "en"),
                        transferred.getId(),
                        actor));
        if (decision != Decision.ADOPT_IEP) {
            supportCase.moveTo(
                    decision == Decision.EVALUATE ? CasePhase.CONSENT_TO_EVALUATE : CasePhase.PLAN_DEVELOPMENT);
            return null;
        }
        // 300.324(b)(1): reviewed at least once a year, counted from the IEP's start (its meeting), and by the day
        // after it ends when that comes first (300.323(a)); 300.303(b)(2): reevaluated at least once every three
        // years, from the last evaluation
        LocalDate annualReviewDueOn =
                Reviews.startReviewClock(clocks, supportCase, transferred.getStartsOn(), transferred.getEffectiveTo());
        LocalDate reevaluationDueOn = clocks.start(
                        caseId, ClockKind.REEVALUATION, ClockStart.EVALUATION, transferred.getLastEvaluatedOn())
                .orElseThrow();
        transferred.reviewDue(annualReviewDueOn);
        supportCase.moveTo(CasePhase.PLAN_IN_EFFECT);
        return new Adopted(annualReviewDueOn, reevaluationDueOn);
    }
}
