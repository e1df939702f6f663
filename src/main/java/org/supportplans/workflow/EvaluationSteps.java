package org.supportplans.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.supportplans.cases.EligibilityOutcome;
import org.supportplans.cases.EligibilityTeam;
import org.supportplans.cases.EvaluationArea;
import org.supportplans.cases.Evaluations;
import org.supportplans.cases.IdeaCategory;
import org.supportplans.cases.PlanKind;
import org.supportplans.cases.SldReport;
import org.supportplans.workflow.SupportCaseProcess.Variables;

/** The evaluation, area by area, and the eligibility decision ({@code evaluation-eligibility}). */
final class EvaluationSteps {

    private EvaluationSteps() {}

    /** "Plan the evaluation": the areas chosen become one task each, due by the evaluation deadline. */
    @Component("evaluationPlanner")
    static class EvaluationPlanner extends CaseSteps.Recorder {

        private final Evaluations evaluations;

        EvaluationPlanner(FormSchemas forms, Evaluations evaluations) {
            super(forms);
            this.evaluations = evaluations;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            List<EvaluationArea> areas = input.options("evaluationAreas", EvaluationArea.class);
            LocalDate dueOn = evaluations.planEvaluation(caseId, areas, actor);
            task.setVariable(
                    Variables.EVALUATION_AREA_LIST,
                    areas.stream().map(Enum::name).toList());
            task.setVariable(Variables.EVALUATION_DUE_ON, CaseSteps.iso(dueOn));
        }
    }

    /** "Evaluate an area": the evaluator's report of one area. */
    @Component("evaluationAreaRecorder")
    static class EvaluationAreaRecorder extends CaseSteps.Recorder {

        private final Evaluations evaluations;

        EvaluationAreaRecorder(FormSchemas forms, Evaluations evaluations) {
            super(forms);
            this.evaluations = evaluations;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            EvaluationArea area = EvaluationArea.valueOf((String) task.getVariable(Variables.EVALUATION_AREA));
            LocalDate completedOn = input.date("areaCompletedOn");
            String findings = input.text("areaFindings");
            evaluations.reportArea(caseId, area, completedOn, findings, actor);
        }
    }

    /** "Hold the eligibility meeting and decide": which plans, if any, the student is eligible for. */
    @Component("eligibilityRecorder")
    static class EligibilityRecorder extends CaseSteps.Recorder {

        private final Evaluations evaluations;

        EligibilityRecorder(FormSchemas forms, Evaluations evaluations) {
            super(forms);
            this.evaluations = evaluations;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            LocalDate meetingOn = input.date("eligibilityMeetingOn");
            EligibilityOutcome outcome = input.option("eligibilityOutcome", EligibilityOutcome.class);
            Set<IdeaCategory> categories = outcome.needs(PlanKind.IEP)
                    ? Set.copyOf(input.options("ideaCategories", IdeaCategory.class))
                    : Set.of();
            String rationale = input.text("eligibilityRationale");
            EligibilityTeam team = new EligibilityTeam(
                    input.text("eligibilityTeam"),
                    "YES".equals(input.option("parentsTookPart")),
                    input.option("teamAgreement", EligibilityTeam.Agreement.class),
                    input.text("teamDissent"));
            SldReport sldReport =
                    categories.contains(IdeaCategory.SPECIFIC_LEARNING_DISABILITY) ? sldReport(input) : null;
            Evaluations.Eligibility eligibility = evaluations.decideEligibility(
                    caseId, meetingOn, outcome, categories, rationale, team, sldReport, actor);
            task.setVariable(Variables.NEEDS_IEP, eligibility.plans().contains(PlanKind.IEP));
            task.setVariable(Variables.NEEDS_504, eligibility.plans().contains(PlanKind.SECTION_504));
            task.setVariable(Variables.NEEDS_ALP, eligibility.plans().contains(PlanKind.ALP));
            task.setVariable(Variables.ELIGIBILITY_DECIDED_ON, CaseSteps.iso(eligibility.decidedOn()));
            task.setVariable(Variables.PLAN_MEETING_DUE_ON, CaseSteps.iso(eligibility.planMeetingDueOn()));
            task.setVariable(
                    Variables.IDEA_CATEGORIES_TEXT,
                    eligibility.categories().stream()
                            .sorted()
                            .map(IdeaCategory::label)
                            .collect(Collectors.joining(", ")));
        }

        /** The form's report of a specific learning disability (34 CFR 300.311(a)). */
        private static SldReport sldReport(TaskInputs input) {
            return new SldReport(
                    input.text("sldObservation"),
                    input.text("sldMedicalFindings"),
                    Set.copyOf(input.options("sldAchievementAreas", SldReport.AchievementArea.class)),
                    input.option("sldProgressBasis", SldReport.ProgressBasis.class),
                    input.text("sldExclusionaryFactors"),
                    input.text("sldInterventionData"),
                    input.flag("sldParentsNotified"),
                    input.flag("sldCertified"));
        }
    }
}
