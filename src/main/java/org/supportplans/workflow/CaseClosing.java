package org.supportplans.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.supportplans.cases.CaseClosure;
import org.supportplans.cases.ClosureReason;

/** Every ending of the {@code support-case} process closes the case with its reason: {@code ${caseClosing.close(execution, 'NOT_ELIGIBLE')}}. */
@Component("caseClosing")
public class CaseClosing {

    private final CaseClosure closure;

    CaseClosing(CaseClosure closure) {
        this.closure = closure;
    }

    public void close(DelegateExecution execution, String reason) {
        closure.close(CaseSteps.caseId(execution), ClosureReason.valueOf(reason));
    }
}
