package org.supportplans.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportplans.cases.CaseView;
import org.supportplans.cases.ClosureReason;
import org.supportplans.cases.PlanStatus;

/** Which documents a case owes its family, read from the case as the API shows it. */
class DocumentContentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private static List<String> owed(CaseView c) {
        return new DocumentContent(c, "Demo School District", "en", TODAY)
                .owed().stream()
                        .map(o -> o.kind() + " " + o.subject() + " (" + o.step() + ")")
                        .toList();
    }

    @Test
    void aCaseWithPlansInEffectOwesEachNoticeAndEachPlan() {
        assertThat(owed(SampleCase.of("en", null)))
                .containsExactly(
                        // 34 CFR 300.300(a), 300.503: consent to evaluate, with the school's proposal
                        "CONSENT_REQUEST evaluation-consent-2026-09-21 (CONSENT_REQUESTED)",
                        "PRIOR_WRITTEN_NOTICE proposal-evaluation-consent-2026-09-21 (CONSENT_REQUESTED)",
                        // 300.300(b), 300.503: consent for services, with the proposal
                        "CONSENT_REQUEST services-consent-2026-11-20 (CONSENT_REQUESTED)",
                        "PRIOR_WRITTEN_NOTICE proposal-services-consent-2026-11-20 (CONSENT_REQUESTED)",
                        // 300.306(a)(2): the report and the eligibility documentation, with notice
                        "EVALUATION_REPORT evaluation-2026-09-24 (ELIGIBILITY_DECIDED)",
                        "ELIGIBILITY_DETERMINATION eligibility-2026-11-02 (ELIGIBILITY_DECIDED)",
                        "PRIOR_WRITTEN_NOTICE pwn-eligibility-2026-11-02 (ELIGIBILITY_DECIDED)",
                        // 300.322(b)
                        "MEETING_NOTICE meeting-1 (MEETING_NOTICE_SENT)",
                        // 300.322(f), 104.36, 1 CCR 301-8
                        "IEP plan-iep (PLAN_IN_EFFECT)",
                        "SECTION_504_PLAN plan-section-504 (PLAN_IN_EFFECT)",
                        "ALP plan-alp (PLAN_IN_EFFECT)");
    }

    @Test
    void aGraduateGetsASummaryOfPerformanceAndNoNewPlanDocument() {
        CaseView graduated = SampleCase.of("en", ClosureReason.GRADUATED);
        CaseView ended = withPlansEnded(graduated);
        assertThat(owed(ended))
                // 34 CFR 300.305(e)(3)
                .contains("SUMMARY_OF_PERFORMANCE summary (CASE_CLOSED)")
                // 300.102(a)(3)(iii): graduating with a regular diploma is a change in placement, after notice
                .contains("PRIOR_WRITTEN_NOTICE end-services (CASE_CLOSED)")
                .noneMatch(line -> line.startsWith("IEP ") || line.startsWith("ALP "));
    }

    @Test
    void consentRevokedEndsServicesWithPriorWrittenNotice() {
        // 34 CFR 300.300(b)(4)(i): services end after prior written notice
        assertThat(owed(withPlansEnded(SampleCase.of("en", ClosureReason.CONSENT_REVOKED))))
                .contains("PRIOR_WRITTEN_NOTICE end-services (CASE_CLOSED)")
                .noneMatch(line -> line.startsWith("SUMMARY_OF_PERFORMANCE"));
    }

    @Test
    void aSchoolThatDeclinesToEvaluateOwesPriorWrittenNoticeOfTheRefusal() {
        CaseView c = SampleCase.of("es", ClosureReason.EVALUATION_DECLINED);
        LocalDate decided = SampleCase.REFERRED.plusDays(2);
        CaseView declined = new CaseView(
                c.id(),
                c.status(),
                c.phase(),
                java.util.Set.of(),
                c.student(),
                c.school(),
                "es",
                c.openedOn(),
                decided,
                ClosureReason.EVALUATION_DECLINED,
                c.due(),
                List.of(),
                c.referrals(),
                List.of(new CaseView.TriageView(
                        org.supportplans.cases.TriageOutcome.DECLINE,
                        decided,
                        "coordinator",
                        null,
                        null,
                        "Grades and classroom work at grade level.")),
                List.of(),
                List.of(new CaseView.NoticeView(
                        org.supportplans.cases.NoticeKind.PRIOR_WRITTEN_NOTICE, decided, null, null, null, null)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        // 34 CFR 300.503(a)(2): notice when the school refuses to initiate an evaluation
        assertThat(owed(declined)).containsExactly("PRIOR_WRITTEN_NOTICE refuse-evaluation-2026-09-16 (TRIAGED)");
        DocumentContent.Owed notice = new DocumentContent(declined, "Demo School District", "es", TODAY)
                .owed()
                .get(0);
        DocumentContent.Pwn pwn = (DocumentContent.Pwn) notice.variables().get("pwn");
        assertThat(pwn.action()).isEqualTo("REFUSE_EVALUATION");
        assertThat(pwn.teamReasons()).isEqualTo("Grades and classroom work at grade level.");
        // 300.503(b)(3) in the family's language: the referral and its concerns
        assertThat(pwn.basis())
                .containsExactly("La remisión recibida el 14 de septiembre de 2026 y sus inquietudes: aprendizaje,"
                        + " comunicación.");
    }

    /**
     * 34 CFR 300.503(a)(1), (b): an annual review's new IEP is proposed with prior written notice of what the team
     * wrote: its reasons (b)(2), the evidence it used (b)(3), the options it considered (b)(6) and the rest; in the
     * family's language around the team's own words.
     */
    @Test
    void aChangedPlanOwesPriorWrittenNoticeWithTheTeamsReasons() throws java.io.IOException {
        CaseView c = SampleCase.of("es", null);
        CaseView.PlanView iep = c.plans().stream()
                .filter(p -> p.kind() == org.supportplans.cases.PlanKind.IEP)
                .findFirst()
                .orElseThrow();
        CaseView.PlanView reviewed = withOrigin(iep, 99L, org.supportplans.cases.PlanOrigin.ANNUAL_REVIEW);
        org.supportplans.cases.NoticeContent content = new org.supportplans.cases.NoticeContent(
                org.supportplans.cases.NoticeContent.Action.PROPOSED,
                "The IEP for 2027-2028",
                "Met last year's reading goal; the new goal asks for third-grade text.",
                "Reading probes of September to November\nThe teacher's report",
                "Keeping last year's goal: rejected, she has met it.",
                "What changes: the annual goal",
                org.supportplans.cases.NoticeContent.IDEA_SAFEGUARDS,
                "en");
        CaseView changed = withNoticeAbout(c, reviewed, 7L, content);

        DocumentContent.Owed notice = owedInSpanish(changed, "plan-change-7");

        assertThat(notice.kind()).isEqualTo(DocumentKind.PRIOR_WRITTEN_NOTICE);
        assertThat(notice.step()).isEqualTo("PLAN_CHANGED");
        String text = DocumentRenderingTest.text(new DocumentRenderer().pdf(notice.kind(), "es", notice.variables()));
        assertThat(text)
                .contains("La escuela propone cambiar el plan de su hijo o hija.")
                .contains("Met last year's reading goal; the new goal asks for third-grade text.")
                .contains("Reading probes of September to November")
                .contains("The teacher's report")
                .contains("Keeping last year's goal: rejected, she has met it.")
                .contains("What changes: the annual goal")
                .doesNotContain("Mantener el plan como estaba");
    }

    @Test
    void aGraduatesNoticeSaysWhyServicesEndAndWhatTheSchoolUsed() throws java.io.IOException {
        DocumentContent.Owed notice = new DocumentContent(
                        withPlansEnded(SampleCase.of("es", ClosureReason.GRADUATED)), "Demo", "es", TODAY)
                .owed().stream()
                        .filter(o -> o.subject().equals("end-services"))
                        .findFirst()
                        .orElseThrow();
        String text = DocumentRenderingTest.text(new DocumentRenderer().pdf(notice.kind(), "es", notice.variables()));
        assertThat(text)
                .contains("La escuela terminará los servicios de educación especial")
                .contains("Su hijo o hija se graduó con un diploma regular.")
                .contains("los créditos y los requisitos del diploma regular de escuela secundaria");
    }

    /** 34 CFR 300.323(e), (f): the new district's decision on the IEP a student arrived with, with notice. */
    @Test
    void aTransferDecisionOwesPriorWrittenNoticeInTheFamilysLanguage() throws java.io.IOException {
        CaseView c = SampleCase.of("es", null);
        CaseView.PlanView iep = c.plans().stream()
                .filter(p -> p.kind() == org.supportplans.cases.PlanKind.IEP)
                .findFirst()
                .orElseThrow();
        CaseView.PlanView transferred = withOrigin(iep, 42L, org.supportplans.cases.PlanOrigin.TRANSFER);
        org.supportplans.cases.NoticeContent content = new org.supportplans.cases.NoticeContent(
                org.supportplans.cases.NoticeContent.Action.PROPOSED,
                org.supportplans.cases.Transfers.Decision.EVALUATE.noticeSubject(),
                "The records show no reading assessment since 2024.",
                "The IEP and the records from the previous district",
                null,
                null,
                org.supportplans.cases.NoticeContent.IDEA_SAFEGUARDS,
                "en");
        CaseView decided = withNoticeAbout(c, transferred, 8L, content);

        DocumentContent.Owed notice = owedInSpanish(decided, "transfer-decision-8");

        assertThat(notice.kind()).isEqualTo(DocumentKind.PRIOR_WRITTEN_NOTICE);
        assertThat(notice.step()).isEqualTo("TRANSFER_DECIDED");
        String text = DocumentRenderingTest.text(new DocumentRenderer().pdf(notice.kind(), "es", notice.variables()));
        assertThat(text)
                .contains("La escuela propone evaluar primero a su hijo o hija y después escribir un nuevo IEP con"
                        + " usted.")
                .contains("The records show no reading assessment since 2024.")
                .contains("El IEP y los expedientes del distrito escolar anterior")
                .contains("servicios comparables a los del IEP del distrito escolar anterior")
                .doesNotContain("The school proposes to evaluate your child");
    }

    /** OSEP Memo 11-07, 34 CFR 300.503(a)(2): interventions first for parents who asked for an evaluation. */
    @Test
    void interventionsFirstForParentsWhoAskedOweANoticeThatSaysTheyMayAskAgain() throws java.io.IOException {
        CaseView c = SampleCase.of("es", null);
        LocalDate decided = SampleCase.REFERRED.plusDays(2);
        CaseView.ReferralView referral = c.referrals().get(0);
        CaseView.ReferralView asked = new CaseView.ReferralView(
                referral.receivedOn(),
                referral.referredByRole(),
                referral.referredByName(),
                referral.concerns(),
                true,
                referral.reason(),
                referral.recordedBy());
        CaseView.TriageView interventions = new CaseView.TriageView(
                org.supportplans.cases.TriageOutcome.INTERVENTIONS_FIRST,
                decided,
                "coordinator",
                LocalDate.of(2026, 11, 30),
                true,
                "Six weeks of small-group reading first.");
        CaseView triaged = withNotices(
                withTriage(c, List.of(asked), List.of(interventions)),
                List.of(new CaseView.NoticeView(
                        org.supportplans.cases.NoticeKind.PRIOR_WRITTEN_NOTICE,
                        decided,
                        3L,
                        null,
                        "coordinator",
                        null)));

        DocumentContent.Owed notice = new DocumentContent(triaged, "Demo School District", "es", TODAY)
                .owed().stream()
                        .filter(o -> o.subject().equals("interventions-first-" + decided))
                        .findFirst()
                        .orElseThrow();

        assertThat(notice.step()).isEqualTo("TRIAGED");
        String text = DocumentRenderingTest.text(new DocumentRenderer().pdf(notice.kind(), "es", notice.variables()));
        assertThat(text)
                .contains("La escuela no evaluará a su hijo o hija por ahora.")
                .contains("Six weeks of small-group reading first.")
                .contains("Puede pedir la evaluación en cualquier momento")
                .contains("el 30 de noviembre de 2026");
    }

    @Test
    void aRefusedRequestOwesPriorWrittenNoticeWithWhatTheParentsAsked() throws java.io.IOException {
        // 34 CFR 300.503(a)(2): the school refuses what the parents asked for; the notice in the family's language
        CaseView c = SampleCase.of("es", null);
        List<CaseView.NoticeView> notices = new ArrayList<>(c.notices());
        notices.add(new CaseView.NoticeView(
                org.supportplans.cases.NoticeKind.PRIOR_WRITTEN_NOTICE,
                TODAY,
                41L,
                null,
                "coordinator",
                new org.supportplans.cases.NoticeContent(
                        org.supportplans.cases.NoticeContent.Action.REFUSED,
                        "Your request of 2026-12-01: Speech therapy three times a week",
                        "Her articulation goal is on track with two sessions.",
                        "Session notes since September\nThis quarter's progress data",
                        "A third session: rejected; home practice sheets: offered.",
                        "What you asked for, about your child's special education and related services: Speech"
                                + " therapy three times a week",
                        org.supportplans.cases.NoticeContent.IDEA_SAFEGUARDS,
                        "en")));

        DocumentContent.Owed notice = owedInSpanish(withNotices(c, notices), "request-refused-41");

        assertThat(notice.kind()).isEqualTo(DocumentKind.PRIOR_WRITTEN_NOTICE);
        assertThat(notice.step()).isEqualTo("REQUEST_REFUSED");
        String text = DocumentRenderingTest.text(new DocumentRenderer().pdf(notice.kind(), "es", notice.variables()));
        assertThat(text)
                .contains("La escuela rechaza lo que usted pidió.")
                .contains("Speech therapy three times a week")
                .contains("Her articulation goal is on track with two sessions.")
                .contains("Session notes since September")
                .contains("home practice sheets");
    }

    @Test
    void aPlanProposedThenInEffectIsOneDocumentWithTwoSources() {
        CaseView inEffect = SampleCase.of("en", null);
        CaseView proposed = withIepStatus(inEffect, PlanStatus.DRAFT);
        DocumentContent.Owed draft = iep(proposed);
        DocumentContent.Owed effective = iep(inEffect);
        assertThat(draft.subject()).isEqualTo(effective.subject());
        assertThat(draft.source()).isNotEqualTo(effective.source());
        assertThat(draft.step()).isEqualTo("PLAN_WRITTEN");
    }

    private static DocumentContent.Owed iep(CaseView c) {
        return new DocumentContent(c, "Demo School District", "en", TODAY)
                .owed().stream()
                        .filter(o -> o.kind() == DocumentKind.IEP)
                        .findFirst()
                        .orElseThrow();
    }

    /** The case with one more plan version and a prior written notice about it, with that content. */
    private static CaseView withNoticeAbout(
            CaseView c, CaseView.PlanView plan, long noticeId, org.supportplans.cases.NoticeContent content) {
        List<CaseView.NoticeView> notices = new ArrayList<>(c.notices());
        notices.add(new CaseView.NoticeView(
                org.supportplans.cases.NoticeKind.PRIOR_WRITTEN_NOTICE,
                TODAY,
                noticeId,
                plan.id(),
                "coordinator",
                content));
        List<CaseView.PlanView> plans = new ArrayList<>(c.plans());
        plans.add(plan);
        return withNotices(withPlans(c, plans), notices);
    }

    private static DocumentContent.Owed owedInSpanish(CaseView c, String subject) {
        return new DocumentContent(c, "Demo School District", "es", TODAY)
                .owed().stream()
                        .filter(o -> o.subject().equals(subject))
                        .findFirst()
                        .orElseThrow();
    }

    private static CaseView withPlansEnded(CaseView c) {
        List<CaseView.PlanView> plans = new ArrayList<>();
        c.plans().forEach(p -> plans.add(withStatus(p, PlanStatus.ENDED)));
        return withPlans(c, plans);
    }

    private static CaseView withIepStatus(CaseView c, PlanStatus status) {
        List<CaseView.PlanView> plans = new ArrayList<>();
        c.plans().forEach(p -> plans.add(p.kind() == org.supportplans.cases.PlanKind.IEP ? withStatus(p, status) : p));
        return withPlans(c, plans);
    }

    private static CaseView.PlanView withStatus(CaseView.PlanView p, PlanStatus status) {
        return new CaseView.PlanView(
                p.id(),
                p.kind(),
                status,
                p.startsOn(),
                p.endsOn(),
                p.inEffectOn(),
                p.endedOn(),
                p.presentLevels(),
                p.annualGoals(),
                p.services(),
                p.accommodations(),
                p.providedAccommodations(),
                p.placement(),
                p.transitionPlan(),
                p.strengthAreas(),
                p.achievementGoals(),
                p.affectiveGoals(),
                p.programming(),
                p.writtenBy(),
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

    private static CaseView.PlanView withOrigin(
            CaseView.PlanView p, Long id, org.supportplans.cases.PlanOrigin origin) {
        return new CaseView.PlanView(
                id,
                p.kind(),
                PlanStatus.IN_EFFECT,
                p.startsOn(),
                p.endsOn(),
                p.inEffectOn(),
                p.endedOn(),
                p.presentLevels(),
                p.annualGoals(),
                p.services(),
                p.accommodations(),
                p.providedAccommodations(),
                p.placement(),
                p.transitionPlan(),
                p.strengthAreas(),
                p.achievementGoals(),
                p.affectiveGoals(),
                p.programming(),
                p.writtenBy(),
                2,
                origin,
                p.id(),
                null,
                null,
                null,
                "coordinator",
                null,
                "the annual goal",
                null);
    }

    private static CaseView withNotices(CaseView c, List<CaseView.NoticeView> notices) {
        return new CaseView(
                c.id(),
                c.status(),
                c.phase(),
                c.planKinds(),
                c.student(),
                c.school(),
                c.parentLanguage(),
                c.openedOn(),
                c.closedOn(),
                c.closureReason(),
                c.due(),
                c.clocks(),
                c.referrals(),
                c.triage(),
                c.consents(),
                notices,
                c.evaluations(),
                c.eligibility(),
                c.meetings(),
                c.plans(),
                c.teacherNotifications(),
                List.of());
    }

    private static CaseView withPlans(CaseView c, List<CaseView.PlanView> plans) {
        return new CaseView(
                c.id(),
                c.status(),
                c.phase(),
                c.planKinds(),
                c.student(),
                c.school(),
                c.parentLanguage(),
                c.openedOn(),
                c.closedOn(),
                c.closureReason(),
                c.due(),
                c.clocks(),
                c.referrals(),
                c.triage(),
                c.consents(),
                c.notices(),
                c.evaluations(),
                c.eligibility(),
                c.meetings(),
                plans,
                c.teacherNotifications(),
                List.of());
    }

    private static CaseView withTriage(
            CaseView c, List<CaseView.ReferralView> referrals, List<CaseView.TriageView> triage) {
        return new CaseView(
                c.id(),
                c.status(),
                org.supportplans.cases.CasePhase.INTERVENTIONS,
                java.util.Set.of(),
                c.student(),
                c.school(),
                c.parentLanguage(),
                c.openedOn(),
                null,
                null,
                c.due(),
                List.of(),
                referrals,
                triage,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }
}
