package org.supportplans.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.supportplans.cases.EvaluationArea;
import org.supportplans.workflow.SupportCaseProcess.Variables;

/**
 * Which role evaluates an area, and the area's name in the school's words. The diagram asks per area:
 * {@code camunda:candidateGroups="${evaluationRoles.roleFor(evaluationArea)}"}. Public, for the engine's
 * expression language.
 */
@Component("evaluationRoles")
public class EvaluationRoles {

    public String roleFor(String area) {
        return EvaluationArea.valueOf(area).role().groupId();
    }

    /** Names the area on the task, for the form to show. */
    public void label(DelegateTask task) {
        String area = (String) task.getVariable(Variables.EVALUATION_AREA);
        task.setVariableLocal(
                Variables.EVALUATION_AREA_LABEL, EvaluationArea.valueOf(area).label());
    }
}
