package org.supportplans.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.supportplans.people.Role;

/** Reads every diagram with the Camunda BPMN model API and checks what the engine would not. */
class ProcessModelTest {

    private static final Set<String> ROLES =
            Arrays.stream(Role.values()).map(Role::groupId).collect(Collectors.toSet());

    private final Map<String, BpmnModelInstance> models = ProcessModels.bpmn();

    @Test
    void everyUserTaskHasAFormFromTheFormsFolderBoundToItsDeployment() {
        Set<String> formIds = ProcessModels.formIds().keySet();
        List<String> problems = new ArrayList<>();
        models.forEach((file, model) -> {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String where = file + " " + task.getId();
                if (!formIds.contains(task.getCamundaFormRef())) {
                    problems.add(where + ": formRef '" + task.getCamundaFormRef() + "' is no form in forms/");
                }
                if (!"deployment".equals(task.getCamundaFormRefBinding())) {
                    problems.add(where + ": formRefBinding must be 'deployment'");
                }
            }
        });
        assertThat(models).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void everyUserTaskIsOfferedToRolesOfTheSchoolTeamOnly() {
        List<String> problems = new ArrayList<>();
        models.forEach((file, model) -> {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                List<String> groups = task.getCamundaCandidateGroupsList();
                if (groups.isEmpty() && task.getCamundaAssignee() == null) {
                    problems.add(file + " " + task.getId() + ": offered to nobody");
                }
                groups.stream()
                        .filter(group -> !group.startsWith("${") && !ROLES.contains(group))
                        .forEach(group -> problems.add(file + " " + task.getId() + ": unknown role " + group));
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyExecutableProcessKeepsItsHistoryForAStatedTime() {
        models.forEach((file, model) -> model.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable)
                .forEach(process -> assertThat(process.getCamundaHistoryTimeToLiveString())
                        .as(file + " " + process.getId() + " historyTimeToLive")
                        .isNotBlank()));
    }

    @Test
    void everyFormIsUsedByAUserTask() {
        Set<String> used = models.values().stream()
                .flatMap(model -> model.getModelElementsByType(UserTask.class).stream())
                .map(UserTask::getCamundaFormRef)
                .collect(Collectors.toSet());
        assertThat(ProcessModels.formIds().keySet()).isSubsetOf(used);
    }

    @Test
    void theProcessKeysElementIdsAndMessagesTheCodeNamesExistInTheDiagrams() throws IllegalAccessException {
        Map<String, BpmnModelInstance> byKey = new java.util.HashMap<>();
        models.values()
                .forEach(model -> model.getModelElementsByType(Process.class)
                        .forEach(process -> byKey.put(process.getId(), model)));
        assertThat(byKey).containsKey(SupportCaseProcess.KEY);
        for (Class<?> phase : SupportCaseProcess.class.getDeclaredClasses()) {
            Field key = Arrays.stream(phase.getDeclaredFields())
                    .filter(f -> f.getName().equals("KEY"))
                    .findFirst()
                    .orElse(null);
            if (key == null) {
                continue;
            }
            BpmnModelInstance model = byKey.get((String) key.get(null));
            assertThat(model).as("process " + key.get(null)).isNotNull();
            for (Field field : phase.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && field != key) {
                    String id = (String) field.get(null);
                    assertThat(model.<BaseElement>getModelElementById(id))
                            .as(key.get(null) + " element " + id)
                            .isNotNull();
                }
            }
        }
        Set<String> messages = models.values().stream()
                .flatMap(model ->
                        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class).stream())
                .map(org.camunda.bpm.model.bpmn.instance.Message::getName)
                .collect(Collectors.toSet());
        for (Field field : SupportCaseProcess.Messages.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                assertThat(messages).contains((String) field.get(null));
            }
        }
    }
}
