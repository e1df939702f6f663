package org.supportplans.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.supportplans.Http;
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
    void theSupportCaseProcessIsDeployedWithItsForms() {
        ProcessDefinition definition = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(SupportCaseProcess.KEY)
                .latestVersion()
                .singleResult();

        assertThat(definition).isNotNull();
        List<String> resources = repositoryService.getDeploymentResourceNames(definition.getDeploymentId());
        assertThat(resources)
                .anyMatch(name -> name.endsWith("processes/support-case.bpmn"))
                .anyMatch(name -> name.endsWith("forms/triage-referral.form"));
    }

    @Test
    void aCoordinatorTriagesAReferralInTheFormOfItsDeployment() {
        Http coordinator = Http.as(port, "coordinator");
        Http.Response started = coordinator.post(
                "/engine-rest/process-definition/key/support-case/start", Map.of("businessKey", "case-rest-1"));
        assertThat(started.status()).as(started.body()).isEqualTo(200);

        JsonNode tasks = coordinator
                .get("/engine-rest/task?processInstanceBusinessKey=case-rest-1")
                .json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("name").asText()).isEqualTo("Triage the referral");
        String taskId = tasks.get(0).path("id").asText();

        // a psychologist does not triage referrals: the task is not theirs to see
        assertThat(Http.as(port, "school-psychologist")
                        .get("/engine-rest/task?processInstanceBusinessKey=case-rest-1")
                        .json())
                .isEmpty();

        Http.Response form = coordinator.get("/engine-rest/task/" + taskId + "/deployed-form");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("triage-referral");

        Http.Response completed = coordinator.post(
                "/engine-rest/task/" + taskId + "/complete",
                Map.of(
                        "variables",
                        Map.of(
                                "triageOutcome", Map.of("value", "EVALUATE_IDEA"),
                                "triageRationale", Map.of("value", "Reading two years below grade level."))));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);

        JsonNode history = Http.as(port, "demo")
                .get("/engine-rest/history/process-instance?processInstanceBusinessKey=case-rest-1")
                .json();
        assertThat(history.get(0).path("state").asText()).isEqualTo("COMPLETED");
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
