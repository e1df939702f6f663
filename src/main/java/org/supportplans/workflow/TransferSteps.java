package org.supportplans.workflow;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.supportplans.cases.DistrictDay;
import org.supportplans.cases.Transfers;
import org.supportplans.workflow.SupportCaseProcess.Variables;

/** A student who transferred in with an IEP (34 CFR 300.323(e), (f)): adopt it, develop a new one, or evaluate. */
final class TransferSteps {

    private TransferSteps() {}

    /** "Decide on the transferred IEP". */
    @Component("transferDecisionRecorder")
    static class TransferDecisionRecorder extends CaseSteps.Recorder {

        private final Transfers transfers;

        TransferDecisionRecorder(FormSchemas forms, Transfers transfers) {
            super(forms);
            this.transfers = transfers;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            Transfers.Decision decision = input.option("transferDecision", Transfers.Decision.class);
            Transfers.Adopted adopted = transfers.decide(caseId, decision, input.text("transferDecisionNotes"), actor);
            task.setVariable(Variables.TRANSFER_DECISION, decision.name());
            if (decision == Transfers.Decision.DEVELOP_NEW_IEP) {
                // the plan meeting writes the new IEP; the comparable services go on until it takes effect
                task.setVariable(Variables.NEEDS_IEP, true);
                task.setVariable(Variables.NEEDS_504, false);
                task.setVariable(Variables.NEEDS_ALP, false);
                task.setVariable(Variables.IDEA_CATEGORIES_TEXT, "as in the IEP from the previous district");
            }
            if (adopted != null) {
                task.setVariable("adoptedAnnualReviewDueOn", CaseSteps.iso(adopted.annualReviewDueOn()));
                task.setVariable("adoptedReevaluationDueOn", CaseSteps.iso(adopted.reevaluationDueOn()));
            }
        }
    }

    /** "Adopt the transferred IEP": the reviews of the IEP in effect are set going, as for a new IEP. */
    @Component("transferredIepAdopter")
    static class TransferredIepAdopter extends CaseSteps.Step {

        private final DistrictDay days;

        TransferredIepAdopter(DistrictDay days) {
            this.days = days;
        }

        @Override
        void run(DelegateExecution execution, String caseId) {
            LocalDate annualReviewDueOn = LocalDate.parse((String) execution.getVariable("adoptedAnnualReviewDueOn"));
            LocalDate reevaluationDueOn = LocalDate.parse((String) execution.getVariable("adoptedReevaluationDueOn"));
            execution.setVariable(Variables.PLAN_KINDS_TEXT, "IEP");
            ReviewSteps.scheduleAnnualReview(execution, days, caseId, annualReviewDueOn);
            ReviewSteps.scheduleReevaluation(
                    execution,
                    days,
                    caseId,
                    reevaluationDueOn,
                    reevaluationDueOn.minusDays(ReviewSteps.REEVALUATION_LEAD_DAYS));
        }
    }
}
