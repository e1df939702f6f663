package org.supportplans.workflow;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.stereotype.Component;

/**
 * The form a user task shows, read from the engine's deployment: the form its {@code camunda:formRef} names,
 * resolved with its binding as Tasklist resolves it (with {@code deployment}, the form deployed with the
 * task's process, so a case started years ago is checked against the form it shows). Each form definition
 * (key, version and tenant, which its id stands for) is read once.
 */
@Component
class FormSchemas {

    private final Map<String, FormSchema> byDefinitionId = new ConcurrentHashMap<>();

    /** The form of a task, from within the engine's command (e.g. a task listener). */
    FormSchema of(DelegateTask task) {
        TaskEntity entity = (TaskEntity) task;
        entity.initializeFormKey();
        CamundaFormRef formRef = entity.getCamundaFormRef();
        if (formRef == null) {
            throw new IllegalStateException("the task " + task.getTaskDefinitionKey() + " has no camunda:formRef");
        }
        CommandContext command = Context.getCommandContext();
        String deploymentId =
                ((ExecutionEntity) task.getExecution()).getProcessDefinition().getDeploymentId();
        CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(formRef, deploymentId).execute(command);
        if (definition == null) {
            throw new IllegalStateException("no form " + formRef.getKey() + " is deployed for the task "
                    + task.getTaskDefinitionKey() + " (binding " + formRef.getBinding() + ")");
        }
        return byDefinitionId.computeIfAbsent(definition.getId(), id -> {
            // read in the engine's command, without the signed-in user's authorizations: a staff member
            // completing a task may read its form, not the deployment
            ResourceEntity resource = command.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(
                            definition.getDeploymentId(), definition.getResourceName());
            return FormSchema.read(new ByteArrayInputStream(resource.getBytes()));
        });
    }
}
