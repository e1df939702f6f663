package org.supportplans.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the parents are sent and what they answer ({@code parent-consent}): notices, requests for consent to
 * evaluate, for initial services and to reevaluate (34 CFR 300.300), reminders, and the answer, whose date
 * starts the evaluation clock.
 */
@Service
@Transactional
public class Consents {

    // the team's 60 days for a reevaluation (no federal count; the initial evaluation's timeline)

    private final OpenCases cases;
    private final DistrictDay days;
    private final Timeline timeline;
    private final CaseClocks clocks;

    private final PlanRecords records;

    Consents(OpenCases cases, DistrictDay days, Timeline timeline, CaseClocks clocks, PlanRecords records) {
        this.cases = cases;
        this.days = days;
        this.timeline = timeline;
        this.clocks = clocks;
        this.records = records;
    }

    /** Sends the parents these notices; returns the day they were sent. */
    public LocalDate sendNotices(String caseId, List<NoticeKind> kinds) {
        SupportCase supportCase = cases.open(caseId);
        LocalDate today = days.today(supportCase);
        for (NoticeKind kind : kinds) {
            // prior written notice says what was decided and why (34 CFR 300.503(b))
            ParentNotice notice = kind == NoticeKind.PRIOR_WRITTEN_NOTICE
                    ? PriorWrittenNotices.afterDecision(supportCase)
                            .map(content -> new ParentNotice(caseId, kind, today, content, null, null))
                            .orElseGet(() -> new ParentNotice(caseId, kind, today))
                    : new ParentNotice(caseId, kind, today);
            records.send(supportCase, notice);
        }
        if (kinds.contains(NoticeKind.PRIOR_WRITTEN_NOTICE) && supportCase.notEligibleForIep()) {
            clocks.stop(caseId, ClockKind.STATE_EVALUATION_TIMELINE, ClockStop.INELIGIBILITY_NOTICE_SENT, today);
        }
        timeline.record(
                supportCase, today, CaseEventKind.NOTICE_SENT, "Sent to the parents: " + Timeline.labels(kinds), null);
        return today;
    }

    /** Asks the parents' consent and sends the notices that go with the request. Returns the day it was sent. */
    public LocalDate requestConsent(String caseId, ConsentKind kind) {
        SupportCase supportCase = cases.open(caseId);
        LocalDate today = days.today(supportCase);
        if (supportCase.pendingConsent(kind).isPresent()) {
            throw new NotAwaitedException("The parents were already asked for " + kind.label() + ".");
        }
        supportCase.add(new ConsentRequest(caseId, kind, today));
        if (kind == ConsentKind.EVALUATION_CONSENT) {
            clocks.stop(caseId, ClockKind.REFERRAL_DECISION, ClockStop.CONSENT_REQUESTED, today);
        }
        if (kind == ConsentKind.SERVICES_CONSENT) {
            // the proposed IEP goes to the parents with this request: the offer of FAPE (603 CMR 28.05(1), R 340.1721b)
            clocks.stop(caseId, ClockKind.STATE_EVALUATION_TIMELINE, ClockStop.PROPOSED_IEP_SENT, today);
        }
        List<NoticeKind> sent = switch (kind) {
            // 34 CFR 300.300(a), 300.503, 300.504(a)(1)
            case EVALUATION_CONSENT ->
                List.of(
                        NoticeKind.EVALUATION_PLAN,
                        NoticeKind.PRIOR_WRITTEN_NOTICE,
                        NoticeKind.PROCEDURAL_SAFEGUARDS,
                        NoticeKind.CONSENT_FORM);
            // 34 CFR 300.300(b), 300.503
            case SERVICES_CONSENT -> List.of(NoticeKind.PRIOR_WRITTEN_NOTICE, NoticeKind.CONSENT_FORM);
            // 34 CFR 300.300(c)
            case REEVALUATION_CONSENT ->
                List.of(NoticeKind.EVALUATION_PLAN, NoticeKind.PRIOR_WRITTEN_NOTICE, NoticeKind.CONSENT_FORM);
        };
        for (NoticeKind notice : sent) {
            records.send(
                    supportCase,
                    notice == NoticeKind.PRIOR_WRITTEN_NOTICE
                            ? new ParentNotice(
                                    caseId,
                                    notice,
                                    today,
                                    PriorWrittenNotices.forConsent(supportCase, kind),
                                    null,
                                    null)
                            : new ParentNotice(caseId, notice, today));
        }
        timeline.record(
                supportCase,
                today,
                CaseEventKind.CONSENT_REQUESTED,
                "Parents asked for " + kind.label() + "; sent: " + Timeline.labels(sent),
                null);
        return today;
    }

    public void remindParents(String caseId, ConsentKind kind) {
        SupportCase supportCase = cases.open(caseId);
        LocalDate today = days.today(supportCase);
        ConsentRequest request = pending(supportCase, kind);
        request.reminded();
        records.send(supportCase, new ParentNotice(caseId, NoticeKind.CONSENT_REMINDER, today));
        timeline.record(
                supportCase,
                today,
                CaseEventKind.CONSENT_REMINDER_SENT,
                "Reminder " + request.getRemindersSent() + " sent for " + kind.label(),
                null);
    }

    /** Whether the case waits for the parents' answer of this kind. */
    @Transactional(readOnly = true)
    public boolean awaits(String caseId, ConsentKind kind) {
        return cases.find(caseId).pendingConsent(kind).isPresent();
    }

    /** The parents' answer, and when it starts the evaluation, the day the evaluation is due. */
    public record ConsentAnswer(
            ConsentKind kind, ParentDecision decision, LocalDate decidedOn, LocalDate evaluationDueOn) {}

    public ConsentAnswer recordParentAnswer(
            String caseId, ConsentKind kind, ParentDecision decision, LocalDate on, RecordedVia via, String actor) {
        SupportCase supportCase = cases.open(caseId);
        pending(supportCase, kind).answer(decision, on, via, actor, days.today(supportCase));
        LocalDate evaluationDueOn = null;
        if (decision == ParentDecision.GIVEN && kind == ConsentKind.EVALUATION_CONSENT) {
            // the consent date starts the evaluation clock (34 CFR 300.301(c)(1)), by the state's rule
            Optional<ClockKind> clock = EvaluationClock.of(supportCase);
            evaluationDueOn = clock.flatMap(
                            k -> clocks.start(caseId, k, ClockStart.CONSENT, on).or(() -> clocks.dueOf(caseId, k)))
                    .orElse(null);
            supportCase.add(new Evaluation(caseId, EvaluationKind.INITIAL, on, evaluationDueOn));
            supportCase.moveTo(CasePhase.EVALUATION);
        } else if (decision == ParentDecision.GIVEN && kind == ConsentKind.REEVALUATION_CONSENT) {
            // the state's reevaluation timeline (the rules table), from the consent
            evaluationDueOn = clocks.start(caseId, ClockKind.REEVALUATION_TIMELINE, ClockStart.REEVALUATION_CONSENT, on)
                    .or(() -> clocks.dueOf(caseId, ClockKind.REEVALUATION_TIMELINE))
                    .orElse(null);
            supportCase.add(new Evaluation(caseId, EvaluationKind.REEVALUATION, on, evaluationDueOn));
        }
        timeline.record(
                supportCase,
                on,
                decision == ParentDecision.GIVEN ? CaseEventKind.CONSENT_GIVEN : CaseEventKind.CONSENT_REFUSED,
                "Parents " + (decision == ParentDecision.GIVEN ? "gave " : "refused ") + kind.label(),
                actor);
        return new ConsentAnswer(kind, decision, on, evaluationDueOn);
    }

    private static ConsentRequest pending(SupportCase supportCase, ConsentKind kind) {
        return supportCase
                .pendingConsent(kind)
                .orElseThrow(() ->
                        new NotAwaitedException("The case is not waiting for the parents' " + kind.label() + "."));
    }
}
