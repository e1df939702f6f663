package org.supportplans.documents;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.supportplans.cases.CasePhase;
import org.supportplans.cases.CaseStatus;
import org.supportplans.cases.CaseView;
import org.supportplans.cases.ClosureReason;
import org.supportplans.cases.Concern;
import org.supportplans.cases.ConsentKind;
import org.supportplans.cases.EligibilityOutcome;
import org.supportplans.cases.EligibilityTeam;
import org.supportplans.cases.EvaluationArea;
import org.supportplans.cases.EvaluationKind;
import org.supportplans.cases.IdeaCategory;
import org.supportplans.cases.MeetingPurpose;
import org.supportplans.cases.NoticeKind;
import org.supportplans.cases.ParentDecision;
import org.supportplans.cases.PlanAccommodation;
import org.supportplans.cases.PlanKind;
import org.supportplans.cases.PlanService;
import org.supportplans.cases.PlanStatus;
import org.supportplans.cases.RecordedVia;
import org.supportplans.cases.ReferrerRole;
import org.supportplans.cases.SldReport;
import org.supportplans.cases.TriageOutcome;

/** A case as the API shows it, driven to an IEP, a 504 plan and an ALP in effect, then graduated: test data. */
final class SampleCase {

    /** The group that decided (34 CFR 300.306(a)(1)); one member gave a separate statement (300.311(b)). */
    static final EligibilityTeam TEAM = new EligibilityTeam(
            "Ana Ruiz, school psychologist\nJo Park, special education teacher\nSam Lee, speech-language pathologist",
            true,
            EligibilityTeam.Agreement.SOME_DISAGREE,
            "Sam Lee: the phonological weakness explains the reading; a language impairment fits better.");

    /** The written report of the specific learning disability (34 CFR 300.311(a)). */
    static final SldReport SLD_REPORT = new SldReport(
            "In the reading block she avoids reading aloud and loses her place; in mathematics she works steadily.",
            null,
            EnumSet.of(SldReport.AchievementArea.BASIC_READING_SKILL, SldReport.AchievementArea.READING_FLUENCY),
            SldReport.ProgressBasis.RESPONSE_TO_INTERVENTION,
            "Vision and hearing screened normal; no intellectual disability; English is her first language.",
            "Twelve weeks of daily phonics in a small group; fluency probes every week stayed flat at 22 words.",
            true,
            true);

    static final LocalDate REFERRED = LocalDate.of(2026, 9, 14);
    static final LocalDate CONSENT_ASKED = LocalDate.of(2026, 9, 21);
    static final LocalDate CONSENT_GIVEN = LocalDate.of(2026, 9, 24);
    static final LocalDate ELIGIBLE = LocalDate.of(2026, 11, 2);
    static final LocalDate MEETING = LocalDate.of(2026, 11, 20);
    static final LocalDate IN_EFFECT = LocalDate.of(2026, 11, 30);

    private SampleCase() {}

    static CaseView of(String parentLanguage, ClosureReason closure) {
        return new CaseView(
                "case-1",
                closure == null ? CaseStatus.OPEN : CaseStatus.CLOSED,
                CasePhase.PLAN_IN_EFFECT,
                EnumSet.of(PlanKind.IEP, PlanKind.SECTION_504, PlanKind.ALP),
                new CaseView.StudentView("S-1001", "Maya", "Núñez", LocalDate.of(2015, 3, 8)),
                new CaseView.SchoolView("lincoln-elementary", "Lincoln Elementary"),
                parentLanguage,
                REFERRED,
                closure == null ? null : LocalDate.of(2027, 5, 28),
                closure,
                new CaseView.DueDates(null, null, null, null),
                List.of(),
                List.of(new CaseView.ReferralView(
                        REFERRED,
                        ReferrerRole.TEACHER,
                        "Ms. Reed",
                        Set.of(Concern.ACADEMIC, Concern.COMMUNICATION),
                        false,
                        "Reading two years below grade level.",
                        "coordinator")),
                List.of(new CaseView.TriageView(
                        TriageOutcome.EVALUATE_IDEA,
                        REFERRED.plusDays(2),
                        "coordinator",
                        null,
                        null,
                        "Reading far below peers despite small-group support since spring.")),
                List.of(
                        new CaseView.ConsentView(
                                ConsentKind.EVALUATION_CONSENT,
                                CONSENT_ASKED,
                                0,
                                ParentDecision.GIVEN,
                                CONSENT_GIVEN,
                                RecordedVia.API),
                        new CaseView.ConsentView(
                                ConsentKind.SERVICES_CONSENT,
                                MEETING,
                                0,
                                ParentDecision.GIVEN,
                                IN_EFFECT,
                                RecordedVia.API)),
                List.of(
                        new CaseView.NoticeView(NoticeKind.PRIOR_WRITTEN_NOTICE, CONSENT_ASKED, null, null, null, null),
                        new CaseView.NoticeView(
                                NoticeKind.MEETING_NOTICE, MEETING.minusDays(12), null, null, null, null)),
                List.of(new CaseView.EvaluationView(
                        EvaluationKind.INITIAL,
                        CONSENT_GIVEN,
                        CONSENT_GIVEN.plusDays(60),
                        ELIGIBLE,
                        null,
                        List.of(
                                new CaseView.AreaView(
                                        EvaluationArea.ACADEMIC,
                                        "special-education-teacher",
                                        ELIGIBLE.minusDays(5),
                                        "special-education-teacher",
                                        "Decoding at the first-grade level; comprehension strong when text is read aloud."),
                                new CaseView.AreaView(
                                        EvaluationArea.SPEECH_LANGUAGE,
                                        "speech-language-pathologist",
                                        ELIGIBLE.minusDays(3),
                                        "speech-language-pathologist",
                                        "Phonological awareness below age expectations.")))),
                List.of(new CaseView.EligibilityView(
                        ELIGIBLE,
                        EligibilityOutcome.IEP_AND_ALP,
                        EnumSet.of(IdeaCategory.SPECIFIC_LEARNING_DISABILITY),
                        "A specific learning disability in basic reading skills; gifted in mathematics.",
                        "coordinator",
                        TEAM,
                        SLD_REPORT)),
                List.of(new CaseView.MeetingView(
                        MeetingPurpose.PLAN,
                        MEETING,
                        "Lincoln Elementary, room 12",
                        MEETING.minusDays(12),
                        MEETING,
                        List.of("coordinator", "special-education-teacher"),
                        "Parents attended.")),
                List.of(
                        new CaseView.PlanView(
                                11L,
                                PlanKind.IEP,
                                PlanStatus.IN_EFFECT,
                                IN_EFFECT,
                                IN_EFFECT.plusYears(1).minusDays(1),
                                IN_EFFECT,
                                null,
                                "Maya reads at a first-grade level and understands grade-level text read aloud.",
                                "By November 2027, Maya will read second-grade text at 60 words a minute.",
                                List.of(new PlanService(
                                        "Specialized reading instruction",
                                        "SPECIAL_EDUCATION_TEACHER",
                                        30,
                                        "DAILY",
                                        "RESOURCE_ROOM",
                                        IN_EFFECT,
                                        IN_EFFECT.plusYears(1).minusDays(1))),
                                "Text read aloud on tests; extra time (1.5x).",
                                List.of(),
                                "General classroom with 30 minutes a day in the resource room.",
                                null,
                                List.of(),
                                null,
                                null,
                                null,
                                "special-education-teacher",
                                0,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        new CaseView.PlanView(
                                12L,
                                PlanKind.SECTION_504,
                                PlanStatus.IN_EFFECT,
                                IN_EFFECT,
                                IN_EFFECT.plusYears(1).minusDays(1),
                                IN_EFFECT,
                                null,
                                null,
                                null,
                                List.of(),
                                null,
                                List.of(new PlanAccommodation(
                                        "Preferential seating near the teacher", "GENERAL_EDUCATION_TEACHER")),
                                null,
                                null,
                                List.of(),
                                null,
                                null,
                                null,
                                "section-504-coordinator",
                                0,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        new CaseView.PlanView(
                                13L,
                                PlanKind.ALP,
                                PlanStatus.IN_EFFECT,
                                IN_EFFECT,
                                IN_EFFECT.plusYears(1).minusDays(1),
                                IN_EFFECT,
                                null,
                                null,
                                null,
                                List.of(),
                                null,
                                List.of(),
                                null,
                                null,
                                List.of("MATHEMATICS"),
                                "Complete the sixth-grade mathematics course by June.",
                                "Share her reasoning in a math circle twice a month.",
                                "Accelerated mathematics with a mentor.",
                                "gifted-coordinator",
                                0,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)),
                List.of(),
                List.of());
    }
}
