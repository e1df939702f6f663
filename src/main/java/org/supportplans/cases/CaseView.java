package org.supportplans.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A case as the API shows it: the student, where the case stands, what is due, and every record of it. {@code
 * plans} is every version of every plan (the history, by kind and version); {@code plansInEffect} the versions in
 * effect now.
 */
public record CaseView(
        String id,
        CaseStatus status,
        CasePhase phase,
        Set<PlanKind> planKinds,
        StudentView student,
        SchoolView school,
        String parentLanguage,
        LocalDate openedOn,
        LocalDate closedOn,
        ClosureReason closureReason,
        DueDates due,
        List<CaseClocks.ClockSummary> clocks,
        List<ReferralView> referrals,
        List<TriageView> triage,
        List<ConsentView> consents,
        List<NoticeView> notices,
        List<EvaluationView> evaluations,
        List<EligibilityView> eligibility,
        List<MeetingView> meetings,
        List<PlanView> plans,
        List<TeacherNotificationView> teacherNotifications,
        List<PlanView> plansInEffect) {

    public record StudentView(String localId, String firstName, String lastName, LocalDate dateOfBirth) {}

    public record SchoolView(String id, String name) {}

    public record DueDates(
            LocalDate evaluation, LocalDate planMeeting, LocalDate annualReview, LocalDate reevaluation) {}

    public record ReferralView(
            LocalDate receivedOn,
            ReferrerRole referredByRole,
            String referredByName,
            Set<Concern> concerns,
            boolean parentRequestedEvaluation,
            String reason,
            String recordedBy) {}

    public record TriageView(
            TriageOutcome outcome,
            LocalDate decidedOn,
            String decidedBy,
            LocalDate followUpOn,
            Boolean parentAgreed,
            String rationale) {}

    public record ConsentView(
            ConsentKind kind,
            LocalDate requestedOn,
            int remindersSent,
            ParentDecision decision,
            LocalDate decidedOn,
            RecordedVia recordedVia) {}

    /** A notice to the parents; {@code content} is null for a notice recorded by kind and date only. */
    public record NoticeView(
            NoticeKind kind, LocalDate sentOn, Long id, Long planId, String sentBy, NoticeContent content) {}

    public record EvaluationView(
            EvaluationKind kind,
            LocalDate consentOn,
            LocalDate dueOn,
            LocalDate completedOn,
            String continuedEligibility,
            List<AreaView> areas) {}

    public record AreaView(
            EvaluationArea area, String role, LocalDate completedOn, String evaluatedBy, String findings) {}

    /** An eligibility decision; {@code team} and {@code sldReport} are null where none was recorded. */
    public record EligibilityView(
            LocalDate decidedOn,
            EligibilityOutcome outcome,
            Set<IdeaCategory> ideaCategories,
            String rationale,
            String decidedBy,
            EligibilityTeam team,
            SldReport sldReport) {}

    public record MeetingView(
            MeetingPurpose purpose,
            LocalDate scheduledOn,
            String location,
            LocalDate noticeSentOn,
            LocalDate heldOn,
            List<String> participants,
            String notes) {}

    public record PlanView(
            Long id,
            PlanKind kind,
            PlanStatus status,
            LocalDate startsOn,
            LocalDate endsOn,
            LocalDate inEffectOn,
            LocalDate endedOn,
            String presentLevels,
            String annualGoals,
            List<PlanService> services,
            String accommodations,
            List<PlanAccommodation> providedAccommodations,
            String placement,
            String transitionPlan,
            List<String> strengthAreas,
            String achievementGoals,
            String affectiveGoals,
            String programming,
            String writtenBy,
            int version,
            PlanOrigin origin,
            Long previousId,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            LocalDate reviewDue,
            String finalisedBy,
            Instant finalisedAt,
            String changeSummary,
            PlanContent.IepElements iepElements) {}

    public record TeacherNotificationView(
            Long planId, String teacherId, String role, String toProvide, Instant notifiedAt, boolean emailed) {}

    /** A line of the case list. */
    public record Summary(
            String id,
            String studentName,
            String studentLocalId,
            String schoolId,
            CaseStatus status,
            CasePhase phase,
            Set<PlanKind> planKinds,
            LocalDate openedOn,
            LocalDate closedOn) {}

    /** A page of the case list. */
    public record Page(List<Summary> content, int page, int size, long totalElements, int totalPages) {}

    /** A milestone of the timeline. */
    public record Event(
            LocalDate occurredOn, CaseEventKind kind, String description, String actor, Instant recordedAt) {}
}
