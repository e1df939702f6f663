package org.supportplans.workflow;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.supportplans.cases.DistrictDay;
import org.supportplans.cases.Triage;
import org.supportplans.cases.TriageOutcome;
import org.supportplans.workflow.SupportCaseProcess.Variables;

/** The coordinator's triage of a referral ({@code referral-triage}). */
final class TriageSteps {

    private TriageSteps() {}

    /** "Triage the referral": records the outcome; interventions first wait for their follow-up day. */
    @Component("triageRecorder")
    static class TriageRecorder extends CaseSteps.Recorder {

        private final Triage triage;
        private final DistrictDay days;

        TriageRecorder(FormSchemas forms, Triage triage, DistrictDay days) {
            super(forms);
            this.triage = triage;
            this.days = days;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            TriageOutcome outcome = input.option(Variables.TRIAGE_OUTCOME, TriageOutcome.class);
            String rationale = input.text("triageRationale");
            LocalDate followUpOn = null;
            Boolean parentAgreed = null;
            if (outcome == TriageOutcome.INTERVENTIONS_FIRST) {
                followUpOn = input.date("interventionFollowUpOn");
                parentAgreed = input.flag("parentAgreedToInterventions");
            }
            triage.triage(caseId, outcome, followUpOn, parentAgreed, rationale, actor);
            if (followUpOn != null) {
                task.setVariable(
                        Variables.INTERVENTION_FOLLOW_UP_AT, CaseSteps.timerDate(days.morningOf(caseId, followUpOn)));
            }
        }
    }
}
