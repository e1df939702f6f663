package org.supportplans.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.roster.RosterDeparture;

/**
 * The steps of {@code processes/roster-departure.bpmn}, started by a roster import when a student whose case is open
 * left the roster ({@link RosterDeparture}).
 */
final class RosterDepartureSteps {

    private RosterDepartureSteps() {}

    /** "Student left the roster: transfer or exit?", as it opens: the case, and whom it is about for the form. */
    @Component("rosterDepartureFacts")
    static class RosterDepartureFacts implements TaskListener {

        private final CaseDirectory cases;

        RosterDepartureFacts(CaseDirectory cases) {
            this.cases = cases;
        }

        @Override
        public void notify(DelegateTask task) {
            String caseId = task.getExecution().getProcessBusinessKey();
            // the roster starts the process by its business key; the steps read the case id as everywhere
            task.getExecution().setVariable(SupportCaseProcess.Variables.CASE_ID, caseId);
            CaseDirectory.CaseFacts facts = cases.facts(caseId);
            task.setVariableLocal("studentName", facts.studentName());
            task.setVariableLocal("schoolName", facts.schoolName());
        }
    }

    /** The coordinator's answer: a transfer, a move or graduation closes the case; a roster error leaves it open. */
    @Component("rosterDepartureDecision")
    static class RosterDepartureDecision extends CaseSteps.Recorder {

        private final CaseProcesses processes;

        RosterDepartureDecision(FormSchemas forms, CaseProcesses processes) {
            super(forms);
            this.processes = processes;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            input.option("departureDecision", RosterDeparture.Decision.class)
                    .closure()
                    .ifPresent(reason -> processes.exit(caseId, reason));
        }
    }
}
