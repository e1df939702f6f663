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
import org.supportplans.engine.TaskInputRejected;
import org.supportplans.people.Role;
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

    static String providerRole(TaskInputs row, String label) {
        String role = row.optionalText("providerRole", label, 64);
        if (role == null || Role.ofGroupId(role).isEmpty()) {
            throw new TaskInputRejected(label + ": choose a role of the school team.");
        }
        return role;
    }

    /** "Schedule the plan meeting". */
    @Component("meetingScheduler")
    static class MeetingScheduler extends CaseSteps.Recorder {

        private final PlanMeetings meetings;

        MeetingScheduler(PlanMeetings meetings) {
            this.meetings = meetings;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            LocalDate on = input.date("planMeetingOn", "Meeting date");
            String location = input.text("planMeetingLocation", "Where", 2, 200);
            meetings.scheduleMeeting(caseId, on, location, actor);
            task.setVariable("planMeetingOn", CaseSteps.iso(on));
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

    /** "Hold the plan meeting": when, who came. */
    @Component("meetingRecorder")
    static class MeetingRecorder extends CaseSteps.Recorder {

        private final PlanMeetings meetings;

        MeetingRecorder(PlanMeetings meetings) {
            this.meetings = meetings;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            LocalDate heldOn = input.date("planMeetingHeldOn", "Date the meeting was held");
            List<String> participants = input.strings("meetingParticipants", "Who took part");
            String notes = input.optionalText("meetingNotes", "Notes", 8000);
            PlanMeetings.MeetingHeld held = meetings.meetingHeld(caseId, heldOn, participants, notes, actor);
            task.setVariable("planMeetingHeldOn", CaseSteps.iso(held.heldOn()));
            task.setVariable(Variables.TRANSITION_REQUIRED, held.transitionRequired());
        }
    }

    /** "Write the IEP". */
    @Component("iepWriter")
    static class IepWriter extends CaseSteps.Recorder {

        private final PlanDevelopment plans;

        IepWriter(PlanDevelopment plans) {
            this.plans = plans;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            List<PlanService> services = new ArrayList<>();
            int number = 1;
            for (TaskInputs row : input.rows("services", "Services")) {
                String label = "Service " + number++;
                services.add(new PlanService(
                        row.text("service", label + ", service", 2, 200),
                        providerRole(row, label + ", provided by"),
                        row.number("minutes", label + ", minutes per session", 5, 600),
                        row.choice("frequency", label + ", how often", Frequency.class)
                                .name(),
                        row.choice("setting", label + ", where", Setting.class).name(),
                        row.date("startsOn", label + ", from"),
                        row.date("endsOn", label + ", to")));
            }
            PlanContent.Iep iep = new PlanContent.Iep(
                    input.date("iepStartsOn", "The IEP starts on"),
                    input.date("iepEndsOn", "The IEP ends on"),
                    input.text(
                            "presentLevels",
                            "Present levels of academic achievement and functional performance",
                            20,
                            8000),
                    input.text("annualGoals", "Measurable annual goals", 10, 8000),
                    services,
                    input.optionalText("accommodations", "Accommodations", 8000),
                    input.choice("placement", "Placement", Placement.class).name(),
                    input.optionalText("transitionPlan", "Transition plan", 8000));
            plans.writeIep(caseId, iep, actor);
        }
    }

    /** "Write the Section 504 plan". */
    @Component("section504PlanWriter")
    static class Section504PlanWriter extends CaseSteps.Recorder {

        private final PlanDevelopment plans;

        Section504PlanWriter(PlanDevelopment plans) {
            this.plans = plans;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            List<PlanAccommodation> accommodations = new ArrayList<>();
            int number = 1;
            for (TaskInputs row : input.rows("accommodations504", "Accommodations")) {
                String label = "Accommodation " + number++;
                accommodations.add(new PlanAccommodation(
                        row.text("accommodation", label, 2, 500), providerRole(row, label + ", provided by")));
            }
            plans.writeSection504Plan(
                    caseId,
                    new PlanContent.Section504(
                            input.date("plan504StartsOn", "The plan starts on"),
                            input.date("plan504EndsOn", "The plan ends on"),
                            accommodations),
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

    /** "Write the ALP". */
    @Component("alpWriter")
    static class AlpWriter extends CaseSteps.Recorder {

        private final PlanDevelopment plans;

        AlpWriter(PlanDevelopment plans) {
            this.plans = plans;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            plans.writeAlp(
                    caseId,
                    new PlanContent.Alp(
                            input.date("alpStartsOn", "The ALP starts on"),
                            input.date("alpEndsOn", "The ALP ends on"),
                            input.choices("strengthAreas", "Strength areas", StrengthArea.class).stream()
                                    .map(Enum::name)
                                    .toList(),
                            input.text("achievementGoals", "Achievement goals", 10, 8000),
                            input.text("affectiveGoals", "Affective goals", 10, 8000),
                            input.text("programming", "Programming", 10, 8000)),
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
