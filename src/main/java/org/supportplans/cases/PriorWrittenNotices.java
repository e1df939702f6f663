package org.supportplans.cases;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The content of prior written notice (34 CFR 300.503(b)) for each trigger before the plan is in effect, written
 * from the case's records: the proposal or refusal to evaluate (300.503(a)), each eligibility decision
 * (300.306(a)(2)), the proposal to provide the services of the first IEP (300.300(b)). A notice about a Section 504
 * plan alone names the Section 504 safeguards (34 CFR 104.36).
 */
public final class PriorWrittenNotices {

    private PriorWrittenNotices() {}

    /** The notice that goes with a consent request. */
    static NoticeContent forConsent(SupportCase supportCase, ConsentKind kind) {
        return switch (kind) {
            case EVALUATION_CONSENT -> evaluation(supportCase);
            case REEVALUATION_CONSENT ->
                new NoticeContent(
                        NoticeContent.Action.PROPOSED,
                        "The school proposes to reevaluate your child",
                        "A reevaluation is due at least once every three years, to decide whether your child still needs"
                                + " special education and what the plan should hold (34 CFR 300.303).",
                        lastEvaluation(supportCase)
                                .map(e -> "The evaluation completed on " + e.getCompletedOn())
                                .orElse("The records of the plan in effect"),
                        "Deciding without new data: rejected; the team needs current information.",
                        null,
                        safeguards(supportCase),
                        "en");
            case SERVICES_CONSENT -> initialServices(supportCase);
        };
    }

    /** The notice sent after a step that decided something: the refusal to evaluate, an eligibility decision. */
    static Optional<NoticeContent> afterDecision(SupportCase supportCase) {
        Optional<EligibilityDecision> eligibility = supportCase.lastEligibility();
        if (eligibility.isPresent()) {
            return Optional.of(eligibility(supportCase, eligibility.get()));
        }
        Optional<TriageDecision> triage = lastTriage(supportCase);
        if (triage.isPresent() && triage.get().getOutcome() == TriageOutcome.INTERVENTIONS_FIRST) {
            return Optional.of(interventionsFirst(supportCase, triage.get()));
        }
        return triage.filter(t -> t.getOutcome() == TriageOutcome.DECLINE)
                .map(t -> new NoticeContent(
                        NoticeContent.Action.REFUSED,
                        "The school does not propose to evaluate your child now",
                        t.getRationale(),
                        referralEvidence(supportCase),
                        "Evaluating now: rejected for the reasons above.",
                        "You may ask again at any time, and you may request mediation or a due process hearing.",
                        NoticeContent.IDEA_SAFEGUARDS,
                        "en"));
    }

    /**
     * The parents asked for an evaluation and agreed to interventions first: the school does not evaluate now, which
     * is a refusal to evaluate that needs prior written notice (34 CFR 300.503(a)(2)); interventions may not delay an
     * evaluation the parents ask for (OSEP Memo 11-07), so the notice says they may ask again at any time.
     */
    private static NoticeContent interventionsFirst(SupportCase supportCase, TriageDecision triage) {
        return new NoticeContent(
                NoticeContent.Action.REFUSED,
                "The school does not evaluate your child now: interventions in general education first, as agreed with"
                        + " you",
                triage.getRationale(),
                referralEvidence(supportCase),
                "Evaluating now, as you asked: not chosen, with your agreement, for the reasons above.",
                "The team looks at your child's progress with the interventions again on " + triage.getFollowUpOn()
                        + ". You may ask for the evaluation at any time; the school will then ask your consent or give"
                        + " you notice of its refusal (OSEP Memo 11-07).",
                NoticeContent.IDEA_SAFEGUARDS,
                "en");
    }

    private static NoticeContent evaluation(SupportCase supportCase) {
        TriageDecision triage = lastTriage(supportCase).orElse(null);
        boolean section504 = triage != null && triage.getOutcome() == TriageOutcome.CONSIDER_504;
        return new NoticeContent(
                NoticeContent.Action.PROPOSED,
                section504
                        ? "The school proposes to evaluate your child under Section 504"
                        : "The school proposes to evaluate your child",
                triage == null ? null : triage.getRationale(),
                referralEvidence(supportCase),
                "Interventions in general education first, without an evaluation: rejected, the team suspects a"
                        + " disability and needs the evaluation to decide.",
                "The evaluation plan lists the areas to be assessed.",
                section504 ? NoticeContent.SECTION_504_SAFEGUARDS : NoticeContent.IDEA_SAFEGUARDS,
                "en");
    }

    private static NoticeContent eligibility(SupportCase supportCase, EligibilityDecision decision) {
        EligibilityOutcome outcome = decision.getOutcome();
        String subject = switch (outcome) {
            case IEP, IEP_AND_ALP ->
                "Your child is eligible for special education ("
                        + decision.getIdeaCategories().stream()
                                .map(IdeaCategory::label)
                                .sorted()
                                .collect(Collectors.joining(", "))
                        + ")";
            case SECTION_504, SECTION_504_AND_ALP ->
                "Your child is not eligible for special education under IDEA,"
                        + " and is eligible for a Section 504 plan";
            case ALP -> "Your child is identified as gifted: an Advanced Learning Plan";
            case NOT_ELIGIBLE -> "Your child is not eligible for a plan";
        };
        return new NoticeContent(
                outcome == EligibilityOutcome.NOT_ELIGIBLE
                        ? NoticeContent.Action.REFUSED
                        : NoticeContent.Action.PROPOSED,
                subject,
                decision.getRationale(),
                lastEvaluation(supportCase)
                        .map(e -> e.getAreas().stream()
                                .map(a -> a.getArea().label() + ": " + a.getFindings())
                                .collect(Collectors.joining("; ")))
                        .orElse(null),
                "The other outcomes the team considered at the eligibility meeting of " + decision.getDecidedOn()
                        + ", with the reasons in the evaluation report.",
                "The evaluation report is enclosed (34 CFR 300.306(a)(2)).",
                outcome.needs(PlanKind.IEP) || outcome == EligibilityOutcome.NOT_ELIGIBLE
                        ? NoticeContent.IDEA_SAFEGUARDS
                        : outcome.needs(PlanKind.SECTION_504)
                                ? NoticeContent.SECTION_504_SAFEGUARDS
                                : NoticeContent.ALP_RIGHTS,
                "en");
    }

    private static NoticeContent initialServices(SupportCase supportCase) {
        Optional<SupportPlan> iep = supportCase.plans(PlanStatus.DRAFT).stream()
                .filter(plan -> plan.getKind() == PlanKind.IEP)
                .findFirst();
        return new NoticeContent(
                NoticeContent.Action.PROPOSED,
                "The school proposes to provide special education and related services as written in the IEP",
                iep.map(p -> "The IEP team wrote the IEP with you; its services start on " + p.getStartsOn()
                                + " once you consent (34 CFR 300.300(b)).")
                        .orElse("The IEP team wrote the IEP with you (34 CFR 300.300(b))."),
                lastEvaluation(supportCase)
                        .map(e -> "The evaluation and the eligibility decision; the IEP's present levels")
                        .orElse("The IEP's present levels"),
                "Services without an IEP, or no services: rejected, the team found that your child needs special"
                        + " education.",
                "Without your consent the school does not provide the services.",
                NoticeContent.IDEA_SAFEGUARDS,
                "en");
    }

    private static Optional<TriageDecision> lastTriage(SupportCase supportCase) {
        return supportCase.getTriages().stream().max(Comparator.comparing(TriageDecision::getDecidedOn));
    }

    private static Optional<Evaluation> lastEvaluation(SupportCase supportCase) {
        return supportCase.getEvaluations().stream()
                .filter(e -> e.getCompletedOn() != null || !e.getAreas().isEmpty())
                .reduce((first, second) -> second);
    }

    private static String referralEvidence(SupportCase supportCase) {
        return supportCase.getReferrals().stream()
                .map(r -> "The referral of " + r.getReceivedOn() + " ("
                        + r.getConcerns().stream().map(Concern::label).sorted().collect(Collectors.joining(", "))
                        + "): " + r.getReason())
                .collect(Collectors.joining("; "));
    }

    /** The subject of the notice of a reevaluation from the existing data alone (34 CFR 300.305(d)). */
    public static final String NO_NEW_DATA =
            "The school reevaluates your child from the existing data: no new assessments are needed";

    /**
     * The team needs no more data to decide that the child still has a disability and what the child needs (34 CFR
     * 300.305(d)(1)): the parents are told of that determination and its reasons, and of their right to ask for an
     * assessment, which the school then carries out (300.305(d)(2)).
     */
    static NoticeContent noNewData(SupportCase supportCase, String reasons, String existingData) {
        return new NoticeContent(
                NoticeContent.Action.REFUSED,
                NO_NEW_DATA,
                reasons,
                existingData,
                "New assessments: not needed, for the reasons above. You may ask for an assessment to decide whether"
                        + " your child still has a disability and what your child needs; the school will then assess"
                        + " your child (34 CFR 300.305(d)(2)).",
                null,
                safeguards(supportCase),
                "en");
    }

    /** How the subject of the notice refusing a parents' request begins: "Your request of 2026-12-01: ...". */
    public static final String REQUEST_REFUSED = "Your request of ";

    /**
     * The school refuses what the parents asked for about their child's identification, evaluation, placement or
     * services (34 CFR 300.503(a)(2)): the notice says what they asked, why the school refuses, what it used to
     * decide, the options it considered, and the parents' protections.
     */
    static NoticeContent requestRefused(
            SupportCase supportCase,
            LocalDate requestedOn,
            String request,
            ParentRequestSubject about,
            String reasons,
            String evidence,
            String optionsConsidered) {
        return new NoticeContent(
                NoticeContent.Action.REFUSED,
                REQUEST_REFUSED + requestedOn + ": " + request,
                reasons,
                evidence,
                optionsConsidered,
                "What you asked for, about your child's " + about.words() + ": " + request,
                safeguards(supportCase),
                "en");
    }

    private static String safeguards(SupportCase supportCase) {
        return supportCase.getPlanKinds().contains(PlanKind.SECTION_504)
                        && !supportCase.getPlanKinds().contains(PlanKind.IEP)
                ? NoticeContent.SECTION_504_SAFEGUARDS
                : NoticeContent.IDEA_SAFEGUARDS;
    }
}
