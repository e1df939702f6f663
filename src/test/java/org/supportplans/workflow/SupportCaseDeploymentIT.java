package org.supportplans.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.supportplans.PostgresIntegrationTest;

/** The processes and forms are deployed together at start, and a case runs through Camunda's REST API. */
@PostgresIntegrationTest
class SupportCaseDeploymentIT {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ApplicationContext applicationContext;

    @Test
    void everyProcessIsDeployedTogetherWithEveryForm() {
        ProcessDefinition definition = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(SupportCaseProcess.KEY)
                .latestVersion()
                .singleResult();

        assertThat(definition).isNotNull();
        List<String> resources = repositoryService.getDeploymentResourceNames(definition.getDeploymentId());
        ProcessModels.bpmn()
                .keySet()
                .forEach(file -> assertThat(resources).anyMatch(name -> name.endsWith("processes/" + file)));
        ProcessModels.formIds()
                .values()
                .forEach(form -> assertThat(resources).anyMatch(name -> name.endsWith("forms/" + form.getFileName())));
        List<String> keys =
                repositoryService
                        .createProcessDefinitionQuery()
                        .deploymentId(definition.getDeploymentId())
                        .list()
                        .stream()
                        .map(ProcessDefinition::getKey)
                        .toList();
        assertThat(keys)
                .contains(
                        SupportCaseProcess.KEY,
                        SupportCaseProcess.ReferralTriage.KEY,
                        SupportCaseProcess.ParentConsent.KEY,
                        SupportCaseProcess.EvaluationEligibility.KEY,
                        SupportCaseProcess.PlanDevelopment.KEY,
                        SupportCaseProcess.PlanInEffect.KEY);
    }

    @Test
    void everyBeanTheDiagramsNameExists() {
        List<String> missing = new ArrayList<>();
        ProcessModels.bpmn().forEach((file, model) -> {
            List<String> expressions = new ArrayList<>();
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                expressions.add(attribute(element, "delegateExpression"));
                expressions.add(attribute(element, "expression"));
            }
            model.getModelElementsByType(CamundaExecutionListener.class).forEach(listener -> {
                expressions.add(listener.getCamundaDelegateExpression());
                expressions.add(listener.getCamundaExpression());
            });
            model.getModelElementsByType(CamundaTaskListener.class).forEach(listener -> {
                expressions.add(listener.getCamundaDelegateExpression());
                expressions.add(listener.getCamundaExpression());
            });
            expressions.stream()
                    .filter(expression -> expression != null)
                    .map(ProcessModels::beanName)
                    .filter(bean -> bean != null && !isEngineVariable(bean))
                    .filter(bean -> !applicationContext.containsBean(bean))
                    .forEach(bean -> missing.add(file + ": no bean named " + bean));
        });
        assertThat(missing).isEmpty();
    }

    private static String attribute(BaseElement element, String name) {
        return element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", name);
    }

    private static boolean isEngineVariable(String name) {
        return List.of("execution", "task", "execution", "authenticatedUserId").contains(name);
    }
}
