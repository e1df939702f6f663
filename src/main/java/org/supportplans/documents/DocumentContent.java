package org.supportplans.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportplans.cases.CaseView;
import org.supportplans.cases.CaseView.ConsentView;
import org.supportplans.cases.CaseView.EligibilityView;
import org.supportplans.cases.CaseView.EvaluationView;
import org.supportplans.cases.CaseView.MeetingView;
import org.supportplans.cases.CaseView.NoticeView;
import org.supportplans.cases.CaseView.PlanView;
import org.supportplans.cases.CaseView.TriageView;
import org.supportplans.cases.ClosureReason;
import org.supportplans.cases.ConsentKind;
import org.supportplans.cases.EligibilityOutcome;
import org.supportplans.cases.NoticeKind;
import org.supportplans.cases.PlanKind;
import org.supportplans.cases.PlanOrigin;
import org.supportplans.cases.PlanStatus;
import org.supportplans.cases.PriorWrittenNotices;
import org.supportplans.cases.Transfers;
import org.supportplans.cases.TriageOutcome;
import org.supportplans.people.FamilyContact;
import org.supportplans.progress.ProgressReports;

/**
 * Which documents a case owes its family, as the case stands, and what each shows: read from the case's
 * public view ({@link CaseView}), never from the steps. A document is identified by its kind and its subject
 * (which consent request, which meeting, which plan); its source says what it was made from, so that a
 * changed source (a new plan, a meeting moved) makes a new version.
 */
final class DocumentContent {

    /** A document the case owes: what it is, what it was made from, which step produced it, what it shows. */
    record Owed(DocumentKind kind, String subject, String source, String step, Map<String, Object> variables) {}

    /** Prior written notice: the elements of 34 CFR 300.503(b) that vary from notice to notice. */
    /**
     * The content of a prior written notice (34 CFR 300.503(b)); {@code options} the options the team wrote it
     * considered, where it wrote them (else the document says what it says for that action).
     */
    public record Pwn(
            String action,
            String teamReasons,
            List<String> basis,
            String factors,
            String categories,
            String closure,
            String options) {

        Pwn(String action, String teamReasons, List<String> basis, String factors, String categories, String closure) {
            this(action, teamReasons, basis, factors, categories, closure, null);
        }
    }

    /** A line of a progress report: a goal and the progress toward it (34 CFR 300.320(a)(3)(ii)). */
    public record Progress(String goal, String progress) {}

    /**
     * A goal of a progress report as the family reads it: the goal, its figures in a sentence, and a chart of its
     * data against the line from baseline to target, drawn as bars (HTML and CSS), which the sentence and the
     * table of figures say in words.
     */
    public record ProgressGoal(String goal, String figures, List<ProgressBar> bars) {}

    /** One measurement in the chart: the value and what the line expected that day, in percent of the scale. */
    public record ProgressBar(LocalDate on, String value, String expected, int valuePercent, int expectedPercent) {}

    private final CaseView c;
    private List<ProgressReports.Report> progressReports = List.of();
    private final String districtName;
    private final FamilyContact contact;
    private final String language;
    private final LocalDate today;

    /** The documents of a case of a district that has not said who its families contact. */
    DocumentContent(CaseView c, String districtName, String language, LocalDate today) {
        this(c, districtName, FamilyContact.NONE, language, today);
    }

    DocumentContent(CaseView c, String districtName, FamilyContact contact, String language, LocalDate today) {
        this.c = c;
        this.districtName = districtName;
        this.contact = contact;
        this.language = language;
        this.today = today;
    }

    /** The case's final progress reports, each owed as a document. */
    DocumentContent withProgressReports(List<ProgressReports.Report> reports) {
        this.progressReports = List.copyOf(reports);
        return this;
    }

    /** Every document the case owes now, oldest step first. */
    List<Owed> owed() {
        List<Owed> owed = new ArrayList<>();
        for (TriageView triage : c.triage()) {
            if (triage.outcome() == TriageOutcome.INTERVENTIONS_FIRST
                    && c.referrals().stream().anyMatch(CaseView.ReferralView::parentRequestedEvaluation)
                    && sentOnOrAfter(NoticeKind.PRIOR_WRITTEN_NOTICE, triage.decidedOn())) {
                // 34 CFR 300.503(a)(2), OSEP Memo 11-07: the parents asked for an evaluation and agreed to
                // interventions first; the school does not evaluate now, and they may ask again at any time
                DocumentFormat f = new DocumentFormat(java.util.Locale.forLanguageTag(language));
                owed.add(pwn(
                        "interventions-first-" + triage.decidedOn(),
                        "TRIAGED",
                        triage.decidedOn(),
                        new Pwn(
                                "INTERVENTIONS_FIRST",
                                triage.rationale(),
                                referralBasis(),
                                triage.followUpOn() == null
                                        ? null
                                        : DocumentRenderer.message(
                                                language,
                                                "pwn.factors.INTERVENTIONS_FIRST",
                                                f.date(triage.followUpOn())),
                                null,
                                null)));
            }
            if (triage.outcome() == TriageOutcome.DECLINE && sent(NoticeKind.PRIOR_WRITTEN_NOTICE)) {
                // 34 CFR 300.503(a)(2): the school refuses to evaluate
                owed.add(pwn(
                        "refuse-evaluation-" + triage.decidedOn(),
                        "TRIAGED",
                        triage.decidedOn(),
                        new Pwn("REFUSE_EVALUATION", triage.rationale(), referralBasis(), null, null, null)));
            }
        }
        for (ConsentView consent : c.consents()) {
            String subject = consent.kind().name().toLowerCase().replace('_', '-') + "-" + consent.requestedOn();
            Map<String, Object> variables = common(consent.requestedOn());
            variables.put("consent", consent);
            owed.add(new Owed(DocumentKind.CONSENT_REQUEST, subject, subject, "CONSENT_REQUESTED", variables));
            // 34 CFR 300.503(a)(1): the school proposes to evaluate or to begin services
            String action = switch (consent.kind()) {
                case EVALUATION_CONSENT -> "PROPOSE_EVALUATION";
                case REEVALUATION_CONSENT -> "PROPOSE_REEVALUATION";
                case SERVICES_CONSENT -> "PROPOSE_SERVICES";
            };
            String reasons = consent.kind() == ConsentKind.SERVICES_CONSENT
                    ? lastEligibility().map(EligibilityView::rationale).orElse(null)
                    : lastTriage().map(TriageView::rationale).orElse(null);
            List<String> basis = consent.kind() == ConsentKind.SERVICES_CONSENT ? evaluationBasis() : referralBasis();
            owed.add(pwn(
                    "proposal-" + subject,
                    "CONSENT_REQUESTED",
                    consent.requestedOn(),
                    new Pwn(action, reasons, basis, null, null, null)));
        }
        for (EligibilityView eligibility : c.eligibility()) {
            String subject = "eligibility-" + eligibility.decidedOn();
            evaluationBefore(eligibility.decidedOn()).ifPresent(evaluation -> {
                Map<String, Object> variables = common(eligibility.decidedOn());
                variables.put("evaluation", evaluation);
                owed.add(new Owed(
                        DocumentKind.EVALUATION_REPORT,
                        "evaluation-" + evaluation.consentOn(),
                        "evaluation-" + evaluation.consentOn(),
                        "ELIGIBILITY_DECIDED",
                        variables));
            });
            Map<String, Object> variables = common(eligibility.decidedOn());
            variables.put("eligibility", eligibility);
            variables.put("categories", categories(eligibility));
            owed.add(new Owed(
                    DocumentKind.ELIGIBILITY_DETERMINATION, subject, subject, "ELIGIBILITY_DECIDED", variables));
            // 34 CFR 300.503(a)(1): the school proposes to identify the child, or refuses to
            boolean eligible = eligibility.outcome() != EligibilityOutcome.NOT_ELIGIBLE;
            owed.add(pwn(
                    "pwn-" + subject,
                    "ELIGIBILITY_DECIDED",
                    eligibility.decidedOn(),
                    new Pwn(
                            eligible ? "IDENTIFY" : "NOT_IDENTIFY",
                            eligibility.rationale(),
                            evaluationBasis(),
                            null,
                            categories(eligibility),
                            null)));
        }
        int meetingNumber = 0;
        for (MeetingView meeting : c.meetings()) {
            meetingNumber++;
            if (meeting.noticeSentOn() == null) {
                continue;
            }
            Map<String, Object> variables = common(meeting.noticeSentOn());
            variables.put("meeting", meeting);
            variables.put("earlyIntervention", cameFromEarlyIntervention());
            owed.add(new Owed(
                    DocumentKind.MEETING_NOTICE,
                    "meeting-" + meetingNumber,
                    meeting.scheduledOn() + "|" + meeting.location(),
                    "MEETING_NOTICE_SENT",
                    variables));
        }
        for (PlanView plan : currentPlans().values()) {
            owed.add(plan(plan));
        }
        // 34 CFR 300.503(a)(1): each change of a plan in effect (an annual review's new version, an amendment), with
        // the notice the team wrote for it (issue 15's notice content: the reasons, the evidence, the options)
        for (NoticeView notice : c.notices()) {
            if (notice.kind() != NoticeKind.PRIOR_WRITTEN_NOTICE
                    || notice.content() == null
                    || notice.planId() == null) {
                continue;
            }
            c.plans().stream()
                    .filter(plan -> notice.planId().equals(plan.id()))
                    .filter(plan -> plan.origin() == PlanOrigin.ANNUAL_REVIEW
                            || plan.origin() == PlanOrigin.REEVALUATION
                            || plan.origin() == PlanOrigin.AMENDMENT)
                    .findFirst()
                    .ifPresent(plan -> owed.add(pwn(
                            "plan-change-" + notice.id(),
                            "PLAN_CHANGED",
                            notice.sentOn(),
                            new Pwn(
                                    "CHANGE_PLAN",
                                    notice.content().reasons(),
                                    lines(notice.content().evidence()),
                                    notice.content().otherFactors(),
                                    null,
                                    null,
                                    notice.content().optionsConsidered()))));
        }
        // 34 CFR 300.323(e), (f): the new district's decision on the IEP a student arrived with (adopt it, develop a
        // new one, evaluate first), with the team's reasons
        for (NoticeView notice : c.notices()) {
            if (notice.kind() == NoticeKind.PRIOR_WRITTEN_NOTICE && notice.content() != null && transferred(notice)) {
                Transfers.Decision.ofNotice(notice.content())
                        .ifPresent(decision -> owed.add(pwn(
                                "transfer-decision-" + notice.id(),
                                "TRANSFER_DECIDED",
                                notice.sentOn(),
                                new Pwn(
                                        "TRANSFER_" + decision.name(),
                                        notice.content().reasons(),
                                        List.of(DocumentRenderer.message(language, "pwn.basis.transfer")),
                                        DocumentRenderer.message(language, "pwn.factors.transfer"),
                                        null,
                                        null))));
            }
        }
        // 34 CFR 300.305(d): a reevaluation from the existing data alone; the parents may ask for an assessment
        for (NoticeView notice : c.notices()) {
            if (notice.kind() == NoticeKind.PRIOR_WRITTEN_NOTICE
                    && notice.content() != null
                    && PriorWrittenNotices.NO_NEW_DATA.equals(notice.content().subject())) {
                owed.add(pwn(
                        "reevaluation-existing-data-" + notice.id(),
                        "REEVALUATION_COMPLETED",
                        notice.sentOn(),
                        new Pwn(
                                "NO_NEW_DATA",
                                notice.content().reasons(),
                                lines(notice.content().evidence()),
                                null,
                                null,
                                null)));
            }
        }
        // 34 CFR 300.503(a)(2): the school refuses what the parents asked for
        for (NoticeView notice : c.notices()) {
            if (notice.kind() == NoticeKind.PRIOR_WRITTEN_NOTICE
                    && notice.content() != null
                    && notice.content().subject() != null
                    && notice.content().subject().startsWith(PriorWrittenNotices.REQUEST_REFUSED)) {
                owed.add(pwn(
                        "request-refused-" + notice.id(),
                        "REQUEST_REFUSED",
                        notice.sentOn(),
                        new Pwn(
                                "REFUSE_REQUEST",
                                notice.content().reasons(),
                                lines(notice.content().evidence()),
                                notice.content().otherFactors(),
                                null,
                                null,
                                notice.content().optionsConsidered())));
            }
        }
        ClosureReason closure = c.closureReason();
        boolean endsAnIep = (closure == ClosureReason.GRADUATED || closure == ClosureReason.AGED_OUT)
                && lastIep().isPresent();
        if (closure == ClosureReason.CONSENT_REVOKED || closure == ClosureReason.NO_LONGER_ELIGIBLE) {
            // 34 CFR 300.300(b)(4)(i), 300.503: services end after prior written notice
            owed.add(pwn(
                    "end-services",
                    "CASE_CLOSED",
                    c.closedOn(),
                    new Pwn("END_SERVICES", null, evaluationBasis(), null, null, closure.name())));
        }
        if (endsAnIep) {
            // 34 CFR 300.102(a)(3)(iii), 300.503: graduating with a regular diploma is a change in placement that
            // needs prior written notice; so does the end of eligibility by age
            PlanView iep = lastIep().get();
            DocumentFormat f = new DocumentFormat(java.util.Locale.forLanguageTag(language));
            owed.add(pwn(
                    "end-services",
                    "CASE_CLOSED",
                    c.closedOn(),
                    new Pwn(
                            "END_SERVICES",
                            null,
                            java.util.stream.Stream.of(
                                            iep.startsOn() == null
                                                    ? null
                                                    : DocumentRenderer.message(
                                                            language,
                                                            "pwn.basis.iep",
                                                            f.date(
                                                                    iep.effectiveFrom() != null
                                                                            ? iep.effectiveFrom()
                                                                            : iep.startsOn()),
                                                            Math.max(1, iep.version())),
                                            DocumentRenderer.message(language, "pwn.basis." + closure.name()))
                                    .filter(java.util.Objects::nonNull)
                                    .toList(),
                            null,
                            null,
                            closure.name())));
            // 34 CFR 300.305(e)(3): a summary of the child's academic achievement and functional performance
            Map<String, Object> variables = common(c.closedOn());
            variables.put("closure", closure.name());
            variables.put("plan", lastIep().get());
            owed.add(new Owed(DocumentKind.SUMMARY_OF_PERFORMANCE, "summary", "summary", "CASE_CLOSED", variables));
        }
        for (ProgressReports.Report report : progressReports) {
            owed.add(progressReport(report));
        }
        return owed;
    }

    /**
     * A progress report (34 CFR 300.320(a)(3)(ii): periodic reports on the progress toward the annual goals): a final
     * one as sealed, an open one as it would be sealed now (the preview of "Write the progress report").
     */
    Owed progressReport(ProgressReports.Report report) {
        Map<String, Object> variables = common(report.periodEndsOn());
        variables.put("periodName", report.periodName());
        variables.put("comments", report.comments());
        variables.put("progressGoals", progressGoals(report));
        return new Owed(
                DocumentKind.PROGRESS_REPORT,
                "progress-" + report.periodEndsOn(),
                "progress-report-" + report.id(),
                "PROGRESS_REPORTED",
                variables);
    }

    /** A progress report as it would be sealed today: the preview from "Write the progress report". */
    Owed draft(ProgressReports.Report report) {
        Owed owed = progressReport(report);
        Map<String, Object> variables = new HashMap<>(owed.variables());
        variables.put("issuedOn", today);
        return new Owed(owed.kind(), owed.subject(), owed.source(), "PREVIEW", variables);
    }

    private List<ProgressGoal> progressGoals(ProgressReports.Report report) {
        List<ProgressGoal> goals = new ArrayList<>();
        for (int i = 0; i < report.goals().size(); i++) {
            ProgressReports.ReportedGoal goal = report.goals().get(i);
            List<org.supportplans.progress.Goals.DataPoint> points =
                    i < report.data().size() ? report.data().get(i) : List.of();
            goals.add(new ProgressGoal(goal.goal(), figures(goal), bars(report, goal, points)));
        }
        return goals;
    }

    private String figures(ProgressReports.ReportedGoal goal) {
        if (goal.unit() == null) {
            return DocumentRenderer.message(language, "progress.noMeasurement");
        }
        String line = DocumentRenderer.message(
                language, "progress.line", plain(goal.baseline()), plain(goal.target()), goal.unit());
        if (goal.latest() == null) {
            return line + " " + DocumentRenderer.message(language, "progress.noData");
        }
        return line + " "
                + DocumentRenderer.message(
                        language,
                        goal.onTrack() ? "progress.onTrack" : "progress.notOnTrack",
                        plain(goal.latest()),
                        goal.latestOn().toString(),
                        plain(goal.expected()),
                        goal.dataPoints());
    }

    private static List<ProgressBar> bars(
            ProgressReports.Report report,
            ProgressReports.ReportedGoal goal,
            List<org.supportplans.progress.Goals.DataPoint> points) {
        if (goal.unit() == null || points.isEmpty()) {
            return List.of();
        }
        java.math.BigDecimal top = goal.baseline().max(goal.target());
        for (var point : points) {
            top = top.max(point.value());
        }
        List<ProgressBar> bars = new ArrayList<>();
        int from = Math.max(0, points.size() - 12); // the last twelve measurements
        for (var point : points.subList(from, points.size())) {
            java.math.BigDecimal expected = report.expectedOn(goal, point.measuredOn());
            bars.add(new ProgressBar(
                    point.measuredOn(),
                    plain(point.value()),
                    plain(expected),
                    percent(point.value(), top),
                    percent(expected, top)));
        }
        return bars;
    }

    private static int percent(java.math.BigDecimal value, java.math.BigDecimal top) {
        if (top.signum() <= 0 || value.signum() <= 0) {
            return 0;
        }
        return Math.min(
                100,
                value.multiply(java.math.BigDecimal.valueOf(100))
                        .divide(top, 0, java.math.RoundingMode.HALF_UP)
                        .intValue());
    }

    private static String plain(java.math.BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /**
     * A draft of a kind from the case as it stands, for the preview: the latest document of that kind the case
     * owes, else one made from what the case holds so far (a plan not yet written shows empty sections).
     */
    Owed draft(DocumentKind kind) {
        List<Owed> owed = owed().stream().filter(o -> o.kind() == kind).toList();
        if (!owed.isEmpty()) {
            Owed last = owed.get(owed.size() - 1);
            Map<String, Object> variables = new HashMap<>(last.variables());
            variables.put("issuedOn", today);
            return new Owed(kind, last.subject(), last.source(), last.step(), variables);
        }
        Map<String, Object> variables = common(today);
        switch (kind) {
            case CONSENT_REQUEST ->
                variables.put("consent", new ConsentView(ConsentKind.EVALUATION_CONSENT, today, 0, null, null, null));
            case PRIOR_WRITTEN_NOTICE ->
                variables.put("pwn", new Pwn("PROPOSE_EVALUATION", null, referralBasis(), null, null, null));
            case MEETING_NOTICE ->
                variables.put(
                        "meeting",
                        c.meetings().isEmpty()
                                ? new MeetingView(
                                        org.supportplans.cases.MeetingPurpose.PLAN,
                                        today,
                                        null,
                                        null,
                                        null,
                                        List.of(),
                                        null)
                                : c.meetings().get(c.meetings().size() - 1));
            case EVALUATION_REPORT ->
                variables.put(
                        "evaluation",
                        c.evaluations().isEmpty()
                                ? new EvaluationView(null, null, null, null, null, List.of())
                                : c.evaluations().get(c.evaluations().size() - 1));
            case ELIGIBILITY_DETERMINATION -> {
                EligibilityView eligibility =
                        new EligibilityView(today, EligibilityOutcome.NOT_ELIGIBLE, null, null, null, null, null);
                variables.put("eligibility", eligibility);
                variables.put("categories", "");
            }
            case IEP, SECTION_504_PLAN, ALP -> variables.put("plan", emptyPlan(planKind(kind)));
            case PROGRESS_REPORT -> variables.put("progress", List.of());
            case SUMMARY_OF_PERFORMANCE -> {
                variables.put("closure", ClosureReason.GRADUATED.name());
                variables.put("plan", lastIep().orElse(null));
            }
        }
        variables.put("rights", rights(kind, variables));
        return new Owed(kind, "draft", "draft", "PREVIEW", variables);
    }

    private Owed plan(PlanView plan) {
        DocumentKind kind = switch (plan.kind()) {
            case IEP -> DocumentKind.IEP;
            case SECTION_504 -> DocumentKind.SECTION_504_PLAN;
            case ALP -> DocumentKind.ALP;
        };
        Map<String, Object> variables = common(plan.inEffectOn() != null ? plan.inEffectOn() : today);
        variables.put("plan", plan);
        variables.put("rights", rights(kind, variables));
        return new Owed(
                kind,
                "plan-" + plan.kind().name().toLowerCase().replace('_', '-'),
                "plan-" + plan.id() + "-" + plan.status(),
                plan.status() == PlanStatus.IN_EFFECT ? "PLAN_IN_EFFECT" : "PLAN_WRITTEN",
                variables);
    }

    /** Per kind of plan, the newest plan that is proposed or in effect (an ended one owes nothing new). */
    private Map<PlanKind, PlanView> currentPlans() {
        Map<PlanKind, PlanView> current = new EnumMap<>(PlanKind.class);
        c.plans().stream().sorted(Comparator.comparing(PlanView::id)).forEach(plan -> {
            if (plan.status() == PlanStatus.DRAFT || plan.status() == PlanStatus.IN_EFFECT) {
                current.put(plan.kind(), plan);
            } else {
                current.remove(plan.kind());
            }
        });
        return current;
    }

    /** A team's free text, a line each; none: the document says there was none. */
    private List<String> lines(String text) {
        List<String> lines = text == null
                ? List.of()
                : text.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
        return lines.isEmpty() ? List.of(DocumentRenderer.message(language, "pwn.basis.none")) : lines;
    }

    private Owed pwn(String subject, String step, LocalDate on, Pwn pwn) {
        Map<String, Object> variables = common(on);
        variables.put("pwn", pwn);
        return new Owed(DocumentKind.PRIOR_WRITTEN_NOTICE, subject, subject, step, variables);
    }

    private Map<String, Object> common(LocalDate issuedOn) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("c", c);
        variables.put("districtName", districtName);
        variables.put("contact", contact);
        variables.put("schoolName", c.school().name());
        variables.put("issuedOn", issuedOn == null ? today : issuedOn);
        variables.put("draft", false);
        variables.put("version", null);
        variables.put("notInLanguage", false);
        variables.put(
                "rights", c.planKinds().contains(PlanKind.IEP) || c.planKinds().isEmpty() ? "IDEA" : rightsOf());
        return variables;
    }

    private String rightsOf() {
        return c.planKinds().contains(PlanKind.SECTION_504) ? "SECTION_504" : "ALP";
    }

    private static String rights(DocumentKind kind, Map<String, Object> variables) {
        return switch (kind) {
            case SECTION_504_PLAN -> "SECTION_504";
            case ALP -> "ALP";
            default -> (String) variables.get("rights");
        };
    }

    private static PlanKind planKind(DocumentKind kind) {
        return switch (kind) {
            case SECTION_504_PLAN -> PlanKind.SECTION_504;
            case ALP -> PlanKind.ALP;
            default -> PlanKind.IEP;
        };
    }

    private PlanView emptyPlan(PlanKind kind) {
        return new PlanView(
                null,
                kind,
                PlanStatus.DRAFT,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                List.of(),
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                // a draft from the case as it stands: no version yet, nobody finalised it
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** A notice about the IEP the student arrived with. */
    private boolean transferred(NoticeView notice) {
        return notice.planId() != null
                && c.plans().stream()
                        .anyMatch(plan -> notice.planId().equals(plan.id()) && plan.origin() == PlanOrigin.TRANSFER);
    }

    private boolean sentOnOrAfter(NoticeKind kind, LocalDate day) {
        return c.notices().stream()
                .anyMatch(n -> n.kind() == kind && !n.sentOn().isBefore(day));
    }

    private boolean sent(NoticeKind kind) {
        return c.notices().stream().anyMatch(n -> n.kind() == kind);
    }

    private Optional<TriageView> lastTriage() {
        return c.triage().isEmpty()
                ? Optional.empty()
                : Optional.of(c.triage().get(c.triage().size() - 1));
    }

    private Optional<EligibilityView> lastEligibility() {
        return c.eligibility().isEmpty()
                ? Optional.empty()
                : Optional.of(c.eligibility().get(c.eligibility().size() - 1));
    }

    private Optional<PlanView> lastIep() {
        return c.plans().stream()
                .filter(p -> p.kind() == PlanKind.IEP && p.status() != PlanStatus.CONSENT_REFUSED)
                .max(Comparator.comparing(PlanView::id));
    }

    private Optional<EvaluationView> evaluationBefore(LocalDate on) {
        return c.evaluations().stream()
                .filter(e -> e.consentOn() != null && !e.consentOn().isAfter(on))
                .max(Comparator.comparing(EvaluationView::consentOn));
    }

    private String categories(EligibilityView eligibility) {
        if (eligibility.ideaCategories() == null) {
            return "";
        }
        return eligibility.ideaCategories().stream()
                .map(category -> DocumentRenderer.message(language, "category." + category.name()))
                .collect(Collectors.joining(", "));
    }

    /** 34 CFR 300.503(b)(3): the referral the school used. */
    private List<String> referralBasis() {
        DocumentFormat f = new DocumentFormat(java.util.Locale.forLanguageTag(language));
        List<String> lines = c.referrals().stream()
                .map(r -> DocumentRenderer.message(
                        language,
                        "pwn.basis.referral",
                        f.date(r.receivedOn()),
                        r.concerns().stream()
                                .sorted()
                                .map(concern -> DocumentRenderer.message(language, "concern." + concern.name()))
                                .collect(Collectors.joining(", "))))
                .toList();
        return lines.isEmpty() ? List.of(DocumentRenderer.message(language, "pwn.basis.none")) : lines;
    }

    /** 34 CFR 300.503(b)(3): each evaluation the school used, and the referral. */
    private List<String> evaluationBasis() {
        DocumentFormat f = new DocumentFormat(java.util.Locale.forLanguageTag(language));
        List<String> lines = new ArrayList<>();
        c.evaluations().stream()
                .flatMap(e -> e.areas().stream())
                .filter(a -> a.completedOn() != null)
                .forEach(a -> lines.add(DocumentRenderer.message(
                        language,
                        "pwn.basis.area",
                        DocumentRenderer.message(language, "area." + a.area().name()),
                        f.date(a.completedOn()))));
        lines.addAll(referralBasis());
        return lines;
    }

    String districtName() {
        return districtName;
    }

    /**
     * A child referred before the third birthday with no IEP yet: the initial IEP meeting's invitation goes to the Part
     * C service coordinator at the parents' request (34 CFR 300.321(f)), so the meeting notice says they may ask.
     */
    private boolean cameFromEarlyIntervention() {
        LocalDate born = c.student().dateOfBirth();
        boolean hadAnIep =
                c.plans().stream().anyMatch(plan -> plan.kind() == PlanKind.IEP && plan.status() != PlanStatus.DRAFT);
        return born != null
                && !hadAnIep
                && c.referrals().stream()
                        .anyMatch(referral -> java.time.Period.between(born, referral.receivedOn())
                                        .getYears()
                                < 3);
    }
}
