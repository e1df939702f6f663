package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.supportplans.cases.ClockKind;

/** Which tasks move when a clock moves, as the diagrams of {@code processes/} say it. */
class TaskDeadlinesTest {

    static List<BpmnModelInstance> diagrams() {
        return Arrays.stream(new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn")))
                .map(Bpmn::readModelFromFile)
                .toList();
    }

    @Test
    void eachClockMovesTheTasksThatRunAgainstIt() {
        Map<ClockKind, List<String>> tasks = TaskDeadlines.tasksByClock(diagrams());

        assertThat(tasks)
                .containsOnlyKeys(
                        ClockKind.REFERRAL_DECISION,
                        ClockKind.INITIAL_EVALUATION,
                        ClockKind.SECTION_504_EVALUATION,
                        ClockKind.IEP_MEETING,
                        ClockKind.ALP_DEVELOPMENT,
                        ClockKind.ANNUAL_REVIEW,
                        ClockKind.PLAN_REVIEW,
                        ClockKind.REEVALUATION);
        // the states' count from the referral to the decision whether to evaluate (Illinois, Texas, ...)
        assertThat(tasks.get(ClockKind.REFERRAL_DECISION)).containsExactly("Task_TriageReferral");
        assertThat(tasks.get(ClockKind.INITIAL_EVALUATION))
                .containsExactlyInAnyOrder("Task_PlanEvaluation", "Task_EvaluateArea", "Task_DecideEligibility");
        assertThat(tasks.get(ClockKind.SECTION_504_EVALUATION))
                .containsExactlyInAnyOrder("Task_PlanEvaluation", "Task_EvaluateArea", "Task_DecideEligibility");
        assertThat(tasks.get(ClockKind.IEP_MEETING))
                .containsExactlyInAnyOrder("Task_SchedulePlanMeeting", "Task_HoldPlanMeeting", "Task_WriteIep");
        assertThat(tasks.get(ClockKind.ALP_DEVELOPMENT))
                .containsExactlyInAnyOrder("Task_SchedulePlanMeeting", "Task_HoldPlanMeeting", "Task_WriteAlp");
        // the annual review, and the review of the plan with a reevaluation's results (300.324(b)(1)(ii)(B))
        assertThat(tasks.get(ClockKind.ANNUAL_REVIEW))
                .containsExactlyInAnyOrder("Task_HoldAnnualReview", "Task_ReviewPlanAfterReevaluation");
        // a Section 504 plan's or an ALP's review, timed by the district's policy
        assertThat(tasks.get(ClockKind.PLAN_REVIEW))
                .containsExactlyInAnyOrder("Task_HoldAnnualReview", "Task_ReviewPlanAfterReevaluation");
        assertThat(tasks.get(ClockKind.REEVALUATION))
                .containsExactlyInAnyOrder("Task_ReviewExistingData", "Task_Reevaluate");
    }

    @Test
    void aTaskDueOnAClockThatDoesNotExistStopsTheStart() {
        BpmnModelInstance diagram = Bpmn.createExecutableProcess("p")
                .startEvent()
                .userTask("Task_X")
                .camundaDueDate("${taskDeadlines.due(execution, 'initial-evaluation,iep-meting')}")
                .endEvent()
                .done();

        assertThatThrownBy(() -> TaskDeadlines.tasksByClock(List.of(diagram)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no clock \"iep-meting\"");
    }
}
