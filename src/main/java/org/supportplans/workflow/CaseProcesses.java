package org.supportplans.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.ClosureReason;
import org.supportplans.cases.Concern;
import org.supportplans.cases.ConsentKind;
import org.supportplans.cases.Consents;
import org.supportplans.cases.NotAwaitedException;
import org.supportplans.cases.ParentDecision;
import org.supportplans.cases.RecordedVia;
import org.supportplans.cases.Transfers;
import org.supportplans.cases.Triage;
import org.supportplans.system.AsApplication;
import org.supportplans.workflow.SupportCaseProcess.Messages;
import org.supportplans.workflow.SupportCaseProcess.Variables;

/**
 * What the API tells a case's process: a case starts, the parents' answer arrives, the student leaves.
 * The caller's right to act on the case is checked by our API; the engine calls then run as the
 * application, so that a teacher who refers a student need not hold rights on process definitions.
 */
@Service
public class CaseProcesses {

    private final RuntimeService runtimeService;
    private final AsApplication asApplication;
    private final Consents consents;

    CaseProcesses(RuntimeService runtimeService, AsApplication asApplication, Consents consents) {
        this.runtimeService = runtimeService;
        this.asApplication = asApplication;
        this.consents = consents;
    }

    /** Starts the case's process, with the case id as business key and what the first form shows. */
    public void start(String caseId, Triage.NewReferral referral) {
        start(caseId, referral, null, null);
    }

    /**
     * Starts the case's process; a student who transferred in with an IEP ({@code transferFrom} not null) starts at
     * the decision on that IEP instead of triage.
     */
    public void start(
            String caseId, Triage.NewReferral referral, Transfers.From transferFrom, String previousDistrict) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.CASE_ID, caseId);
        variables.put(Variables.SCHOOL_ID, referral.school().getId());
        variables.put(Variables.STUDENT_NAME, referral.firstName() + " " + referral.lastName());
        variables.put(Variables.SCHOOL_NAME, referral.school().getName());
        variables.put(Variables.REFERRAL_RECEIVED_ON, referral.receivedOn().toString());
        variables.put(
                Variables.CONCERNS_TEXT,
                referral.concerns().stream().sorted().map(Concern::label).collect(Collectors.joining(", ")));
        variables.put(Variables.REFERRAL_REASON, referral.reason());
        variables.put(Variables.PARENT_REQUESTED_EVALUATION, referral.parentRequestedEvaluation());
        variables.put(Variables.TRANSFER_FROM, transferFrom == null ? null : transferFrom.name());
        if (transferFrom != null) {
            variables.put(Variables.TRANSFER_PREVIOUS_DISTRICT, previousDistrict);
            variables.put(
                    Variables.TRANSFER_FROM_TEXT,
                    transferFrom == Transfers.From.IN_STATE ? "a district of this state" : "another state");
        }
        asApplication.call(() -> runtimeService.startProcessInstanceByKey(SupportCaseProcess.KEY, caseId, variables));
    }

    /**
     * The parents' answer, arriving through the API: recorded, then correlated to the consent process
     * waiting for it. Not waited for (no request of that kind open, or already answered): 409.
     */
    @Transactional
    public void parentsAnswered(String caseId, ConsentKind kind, ParentDecision decision, LocalDate on, String actor) {
        parentsAnswered(caseId, kind, decision, on, actor, RecordedVia.API);
    }

    /** As above, recording how the answer came: through the API, or signed by the parents on the family's page. */
    @Transactional
    public void parentsAnswered(
            String caseId, ConsentKind kind, ParentDecision decision, LocalDate on, String actor, RecordedVia via) {
        Execution waiting = runtimeService
                .createExecutionQuery()
                .processInstanceBusinessKey(caseId)
                .messageEventSubscriptionName(Messages.PARENT_ANSWER_RECEIVED)
                .processVariableValueEquals(Variables.CONSENT_KIND, kind.name())
                .singleResult();
        if (waiting == null) {
            throw new NotAwaitedException("The case is not waiting for the parents' " + kind.label() + ".");
        }
        Consents.ConsentAnswer answer = consents.recordParentAnswer(caseId, kind, decision, on, via, actor);
        asApplication.call(() -> runtimeService
                .createMessageCorrelation(Messages.PARENT_ANSWER_RECEIVED)
                .processInstanceId(waiting.getProcessInstanceId())
                .setVariables(ConsentSteps.answerVariables(answer))
                .correlateWithResult());
    }

    /** The student leaves: consent revoked, transferred out, or an exit (graduated, moved away, ...). */
    @Transactional
    public void exit(String caseId, ClosureReason reason) {
        String message = switch (reason) {
            case CONSENT_REVOKED -> Messages.CONSENT_REVOKED;
            case TRANSFERRED_OUT -> Messages.STUDENT_TRANSFERRED_OUT;
            case GRADUATED, MOVED_AWAY, AGED_OUT, NO_LONGER_ELIGIBLE -> Messages.CASE_EXITED;
            default -> throw new NotAwaitedException("A case does not exit with reason " + reason + ".");
        };
        boolean running = runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId, SupportCaseProcess.KEY)
                        .active()
                        .count()
                > 0;
        if (!running) {
            throw new NotAwaitedException("The case is closed.");
        }
        asApplication.call(() -> runtimeService
                .createMessageCorrelation(message)
                .processInstanceBusinessKey(caseId)
                .setVariable(Variables.EXIT_REASON, reason.name())
                .correlateWithResult());
    }
}
