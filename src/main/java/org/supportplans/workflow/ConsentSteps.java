package org.supportplans.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.supportplans.cases.ConsentKind;
import org.supportplans.cases.Consents;
import org.supportplans.cases.ParentDecision;
import org.supportplans.cases.RecordedVia;
import org.supportplans.workflow.SupportCaseProcess.Variables;

/** Asking the parents' consent and recording their answer ({@code parent-consent}). */
final class ConsentSteps {

    private ConsentSteps() {}

    static ConsentKind consentKind(VariableScope scope) {
        return ConsentKind.valueOf((String) scope.getVariable(Variables.CONSENT_KIND));
    }

    /** The variables an answer sets, whether the coordinator recorded it or it came through the API. */
    static Map<String, Object> answerVariables(Consents.ConsentAnswer answer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.CONSENT_DECISION, answer.decision().name());
        if (answer.decision() == ParentDecision.GIVEN && answer.kind() != ConsentKind.SERVICES_CONSENT) {
            variables.put(Variables.CONSENT_DATE, CaseSteps.iso(answer.decidedOn()));
            variables.put(Variables.EVALUATION_DUE_ON, CaseSteps.iso(answer.evaluationDueOn()));
        }
        return variables;
    }

    /** "Send the consent request and notices". */
    @Component("consentRequester")
    static class ConsentRequester extends CaseSteps.Step {

        private final Consents consents;

        ConsentRequester(Consents consents) {
            this.consents = consents;
        }

        @Override
        void run(DelegateExecution execution, String caseId) {
            ConsentKind kind = consentKind(execution);
            LocalDate sentOn = consents.requestConsent(caseId, kind);
            execution.setVariable(Variables.CONSENT_REQUESTED_ON, CaseSteps.iso(sentOn));
            execution.setVariable(Variables.CONSENT_KIND_LABEL, kind.label());
            // an answer to an earlier request must not decide this one
            execution.setVariable(Variables.CONSENT_DECISION, null);
        }
    }

    /** "Remind the parents", every ten days while no answer comes. */
    @Component("consentReminder")
    static class ConsentReminder extends CaseSteps.Step {

        private final Consents consents;

        ConsentReminder(Consents consents) {
            this.consents = consents;
        }

        @Override
        void run(DelegateExecution execution, String caseId) {
            consents.remindParents(caseId, consentKind(execution));
        }
    }

    /** "Record the parents' answer": the coordinator enters the signed form's answer and date. */
    @Component("parentAnswerRecorder")
    static class ParentAnswerRecorder extends CaseSteps.Recorder {

        private final Consents consents;

        ParentAnswerRecorder(FormSchemas forms, Consents consents) {
            super(forms);
            this.consents = consents;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            ParentDecision decision = input.option("parentDecision", ParentDecision.class);
            LocalDate on = input.date("parentDecisionDate");
            Consents.ConsentAnswer answer =
                    consents.recordParentAnswer(caseId, consentKind(task), decision, on, RecordedVia.TASKLIST, actor);
            task.getExecution().getProcessInstance().setVariables(answerVariables(answer));
        }
    }
}
