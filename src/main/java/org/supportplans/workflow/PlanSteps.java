package org.supportplans.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.supportplans.cases.DistrictDay;
import org.supportplans.cases.PlanAccommodation;
import org.supportplans.cases.PlanContent;
import org.supportplans.cases.PlanDevelopment;
import org.supportplans.cases.PlanMeetings;
import org.supportplans.cases.PlanService;
import org.supportplans.workflow.SupportCaseProcess.Variables;

/** The plan meeting, the plans written there, and putting them in effect ({@code plan-development}). */
final class PlanSteps {

    private PlanSteps() {}

    enum Frequency {
        DAILY,
        WEEKLY,
        MONTHLY
    }

    enum Setting {
        GENERAL_EDUCATION,
        SPECIAL_EDUCATION,
        RELATED_SERVICES_ROOM,
        HOME_OR_HOSPITAL
    }

    // 34 CFR 300.114-300.116: the least restrictive environment, in the categories states report
    enum Placement {
        REGULAR_CLASS_80_PERCENT_OR_MORE,
        REGULAR_CLASS_40_TO_79_PERCENT,
        REGULAR_CLASS_LESS_THAN_40_PERCENT,
        SEPARATE_SCHOOL,
        RESIDENTIAL_FACILITY,
        HOME_OR_HOSPITAL
    }

    // 34 CFR 300.320(a)(6)
    enum AssessmentParticipation {
        REGULAR,
        WITH_ACCOMMODATIONS,
        ALTERNATE
    }

    // 34 CFR 300.106
    enum ExtendedSchoolYear {
        NEEDED,
        NOT_NEEDED,
        TO_BE_DECIDED
    }

    /** "Schedule the plan meeting". */
    @Component("meetingScheduler")
    static class MeetingScheduler extends CaseSteps.Recorder {

        private final PlanMeetings meetings;

        MeetingScheduler(FormSchemas forms, PlanMeetings meetings) {
            super(forms);
            this.meetings = meetings;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            LocalDate on = input.date("planMeetingOn");
            String location = input.text("planMeetingLocation");
            boolean transitionRequired = meetings.scheduleMeeting(caseId, on, location, actor);
            task.setVariable("planMeetingOn", CaseSteps.iso(on));
            // the IEP is drafted before the meeting: its form asks for the transition plan when it must have one
            task.setVariable(Variables.TRANSITION_REQUIRED, transitionRequired);
        }
    }

    /** "Send the meeting notice": its date is recorded, the meeting cannot be held before it. */
    @Component("meetingNoticeSender")
    static class MeetingNoticeSender extends CaseSteps.Step {

        private final PlanMeetings meetings;

        MeetingNoticeSender(PlanMeetings meetings) {
            this.meetings = meetings;
        }

        @Override
        void run(DelegateExecution execution, String caseId) {
            LocalDate sentOn = meetings.sendMeetingNotice(caseId);
            execution.setVariable(Variables.MEETING_NOTICE_SENT_ON, CaseSteps.iso(sentOn));
        }
    }

    /** "Hold the plan meeting": when, who came; the drafts are finalised there. */
    @Component("meetingRecorder")
    static class MeetingRecorder extends CaseSteps.Recorder {

        private final PlanMeetings meetings;

        MeetingRecorder(FormSchemas forms, PlanMeetings meetings) {
            super(forms);
            this.meetings = meetings;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            LocalDate heldOn = input.date("planMeetingHeldOn");
            List<String> participants = input.options("meetingParticipants");
            List<String> excused = input.options("excusedMembers");
            boolean agreedInWriting = !excused.isEmpty() && input.flag("excusalAgreedInWriting");
            String attempts = input.text("parentContactAttempts");
            String notes = input.text("meetingNotes");
            PlanMeetings.MeetingHeld held = meetings.meetingHeld(
                    caseId, heldOn, participants, excused, agreedInWriting, attempts, notes, actor);
            task.setVariable("planMeetingHeldOn", CaseSteps.iso(held.heldOn()));
            task.setVariable(Variables.TRANSITION_REQUIRED, held.transitionRequired());
        }
    }

    /** "Draft the IEP". */
    @Component("iepWriter")
    static class IepWriter extends CaseSteps.Recorder {

        private final PlanDevelopment plans;

        IepWriter(FormSchemas forms, PlanDevelopment plans) {
            super(forms);
            this.plans = plans;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            plans.writeIep(caseId, read(input), actor);
        }

        /** The IEP as the form of the draft (and of the annual review, which has the same fields) has it. */
        static PlanContent.Iep read(TaskInputs input) {
            List<PlanService> services = new ArrayList<>();
            for (TaskInputs row : input.rows("services")) {
                services.add(new PlanService(
                        row.text("service"),
                        row.option("providerRole"),
                        row.number("minutes"),
                        row.option("frequency", Frequency.class).name(),
                        row.option("setting", Setting.class).name(),
                        row.date("startsOn"),
                        row.date("endsOn")));
            }
            AssessmentParticipation assessment = input.option("assessmentParticipation", AssessmentParticipation.class);
            ExtendedSchoolYear extendedSchoolYear = input.option("extendedSchoolYear", ExtendedSchoolYear.class);
            return new PlanContent.Iep(
                    input.date("iepStartsOn"),
                    input.date("iepEndsOn"),
                    input.text("presentLevels"),
                    input.text("annualGoals"),
                    services,
                    input.text("accommodations"),
                    input.option("placement", Placement.class).name(),
                    input.text("transitionPlan"),
                    new PlanContent.IepElements(
                            input.text("progressReporting"),
                            input.text("nondisabledPeers"),
                            assessment == null ? null : assessment.name(),
                            input.text("alternateAssessmentWhy"),
                            input.text("shortTermObjectives"),
                            input.text("specialFactors"),
                            extendedSchoolYear == null ? null : extendedSchoolYear.name(),
                            input.text("transferOfRights")));
        }
    }

    /** "Draft the Section 504 plan". */
    @Component("section504PlanWriter")
    static class Section504PlanWriter extends CaseSteps.Recorder {

        private final PlanDevelopment plans;

        Section504PlanWriter(FormSchemas forms, PlanDevelopment plans) {
            super(forms);
            this.plans = plans;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            List<PlanAccommodation> accommodations = new ArrayList<>();
            for (TaskInputs row : input.rows("accommodations504")) {
                accommodations.add(new PlanAccommodation(row.text("accommodation"), row.option("providerRole")));
            }
            plans.writeSection504Plan(
                    caseId,
                    new PlanContent.Section504(
                            input.date("plan504StartsOn"), input.date("plan504EndsOn"), accommodations),
                    actor);
        }
    }

    enum StrengthArea {
        GENERAL_INTELLECTUAL,
        READING,
        WRITING,
        MATHEMATICS,
        SCIENCE,
        SOCIAL_STUDIES,
        WORLD_LANGUAGES,
        CREATIVE_THINKING,
        LEADERSHIP,
        VISUAL_ARTS,
        PERFORMING_ARTS,
        MUSIC,
        PSYCHOMOTOR
    }

    /** "Draft the ALP". */
    @Component("alpWriter")
    static class AlpWriter extends CaseSteps.Recorder {

        private final PlanDevelopment plans;

        AlpWriter(FormSchemas forms, PlanDevelopment plans) {
            super(forms);
            this.plans = plans;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            plans.writeAlp(
                    caseId,
                    new PlanContent.Alp(
                            input.date("alpStartsOn"),
                            input.date("alpEndsOn"),
                            input.options("strengthAreas", StrengthArea.class).stream()
                                    .map(Enum::name)
                                    .toList(),
                            input.text("achievementGoals"),
                            input.text("affectiveGoals"),
                            input.text("programming")),
                    actor);
        }
    }

    /** "Put the plans in effect", and set the annual review and the reevaluation going. */
    @Component("plansActivator")
    static class PlansActivator extends CaseSteps.Step {

        private final PlanDevelopment plans;
        private final DistrictDay days;

        PlansActivator(PlanDevelopment plans, DistrictDay days) {
            this.plans = plans;
            this.days = days;
        }

        @Override
        void run(DelegateExecution execution, String caseId) {
            PlanDevelopment.Activation activation = plans.putPlansInEffect(caseId);
            execution.setVariable(Variables.PLANS_IN_EFFECT, activation.any());
            if (activation.any()) {
                execution.setVariable(
                        Variables.PLAN_KINDS_TEXT,
                        activation.inEffect().stream().map(Enum::name).collect(Collectors.joining(", ")));
                ReviewSteps.scheduleAnnualReview(execution, days, caseId, activation.annualReviewDueOn());
                ReviewSteps.scheduleReevaluation(
                        execution,
                        days,
                        caseId,
                        activation.reevaluationDueOn(),
                        activation.reevaluationDueOn().minusDays(ReviewSteps.REEVALUATION_LEAD_DAYS));
            }
        }
    }
}
