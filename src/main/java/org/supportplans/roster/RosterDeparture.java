package org.supportplans.roster;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.cases.ClosureReason;
import org.supportplans.engine.CaseTenants;
import org.supportplans.engine.TaskInputRejected;

/**
 * "Student left the roster: transfer or exit?" ({@code processes/roster-departure.bpmn}): the roster no longer has
 * a student whose case is open. The coordinator says what happened: the student transferred out, moved away or
 * graduated (the case closes for that reason, as {@code POST /api/cases/{id}/exit} closes it), or is still here and
 * the roster was wrong (the case goes on).
 */
public final class RosterDeparture {

    public static final String PROCESS_KEY = "roster-departure";
    static final String SCHOOL_ID = CaseTenants.SCHOOL_ID_VARIABLE;
    static final String DECISION = "departureDecision";

    /** What the coordinator decided. */
    enum Decision {
        TRANSFERRED_OUT(ClosureReason.TRANSFERRED_OUT),
        MOVED_AWAY(ClosureReason.MOVED_AWAY),
        GRADUATED(ClosureReason.GRADUATED),
        STILL_ENROLLED(null);

        private final ClosureReason closure;

        Decision(ClosureReason closure) {
            this.closure = closure;
        }
    }

    /** Published when the coordinator decided the case closes; the case's own process closes it. */
    public record CaseToClose(String caseId, ClosureReason reason) {}

    private RosterDeparture() {}

    /** On create: whom the task is about, for the form. */
    @Component("rosterDepartureFacts")
    static class Facts implements TaskListener {

        private final CaseDirectory cases;

        Facts(CaseDirectory cases) {
            this.cases = cases;
        }

        @Override
        public void notify(DelegateTask task) {
            CaseDirectory.CaseFacts facts = cases.facts(task.getExecution().getProcessBusinessKey());
            task.setVariableLocal("studentName", facts.studentName());
            task.setVariableLocal("schoolName", facts.schoolName());
        }
    }

    /** On complete: the decision checked, and the case closed when it says so. */
    @Component("rosterDepartureDecision")
    static class Decided implements TaskListener {

        private final ApplicationEventPublisher events;

        Decided(ApplicationEventPublisher events) {
            this.events = events;
        }

        @Override
        public void notify(DelegateTask task) {
            Object value = task.getVariable(DECISION);
            Decision decision;
            try {
                decision = Decision.valueOf(String.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new TaskInputRejected("What happened?: choose one of the answers.");
            }
            Optional.ofNullable(decision.closure)
                    .ifPresent(reason -> events.publishEvent(
                            new CaseToClose(task.getExecution().getProcessBusinessKey(), reason)));
        }
    }
}
