package org.supportplans.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supportplans.progress.ProgressReports;

/**
 * A reporting period ended: the case manager writes the progress report, due the period's end plus the district's
 * school days; a goal off track in this report and in the one before opens "Consider reviewing the IEP".
 */
@Deployment(
        resources = {"processes/progress-report.bpmn", "forms/progress-report.form", "forms/consider-iep-review.form"})
class ProgressReportProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final Date DUE = Date.from(LocalDate.of(2026, 10, 30)
            .atTime(17, 0)
            .atZone(ZoneId.of("America/Denver"))
            .toInstant());

    private final List<String> steps = new ArrayList<>();
    private boolean offTrackTwice;

    @BeforeEach
    void registerTheBeansTheDiagramNames() {
        Mocks.register("progressReportPrefill", (TaskListener) task -> steps.add("prefilled: " + task.getName()));
        Mocks.register("progressReportFinal", (TaskListener) task -> {
            steps.add("locked: " + task.getVariable(ProgressReports.Variables.COMMENTS));
            task.getExecution().setVariable(ProgressReports.Variables.OFF_TRACK_TWICE, offTrackTwice);
        });
    }

    @AfterEach
    void forgetTheBeans() {
        Mocks.reset();
    }

    private ProcessInstance periodEnded() {
        return runtimeService()
                .startProcessInstanceByKey(
                        ProgressReports.PROCESS_KEY,
                        "case-maya",
                        Map.of(
                                ProgressReports.Variables.CASE_ID,
                                "case-maya",
                                ProgressReports.Variables.REPORT_ID,
                                7L,
                                ProgressReports.Variables.PERIOD_NAME,
                                "Quarter 1",
                                ProgressReports.Variables.DUE_DATE,
                                DUE));
    }

    @Test
    void theCaseManagerWritesTheReportByItsDueDateAndItIsSent() {
        ProcessInstance report = periodEnded();

        assertThat(report).isWaitingAtExactly("Task_WriteProgressReport");
        assertThat(task(report))
                .hasCandidateGroup("special-education-teacher")
                .hasName("Write the progress report")
                .hasDueDate(DUE);
        Assertions.assertThat(formService()
                        .getTaskFormData(task(report).getId())
                        .getCamundaFormRef()
                        .getKey())
                .isEqualTo("progress-report");
        offTrackTwice = false;
        complete(task(report), withVariables("progressComments", "Maya reads 42 words a minute, on track."));

        assertThat(report).isEnded().hasPassed("EndEvent_Reported").hasNotPassed("Task_ConsiderReview");
        Assertions.assertThat(steps)
                .containsExactly(
                        "prefilled: Write the progress report", "locked: Maya reads 42 words a minute, on track.");
    }

    @Test
    void aGoalOffTrackTwoPeriodsInARowAsksTheTeamToConsiderReviewingTheIep() {
        ProcessInstance report = periodEnded();
        offTrackTwice = true;
        complete(task(report), withVariables("progressComments", "Writing is below the line for a second period."));

        assertThat(report).isWaitingAtExactly("Task_ConsiderReview");
        assertThat(task(report))
                .hasName("Consider reviewing the IEP")
                .hasCandidateGroup("special-education-teacher")
                .hasCandidateGroup("coordinator");
        Assertions.assertThat(formService()
                        .getTaskFormData(task(report).getId())
                        .getCamundaFormRef()
                        .getKey())
                .isEqualTo("consider-iep-review");
        complete(
                task(report),
                withVariables("reviewDecision", "REVIEW_IEP", "reviewReason", "Two quarters below the aim line."));

        assertThat(report).isEnded().hasPassed("Task_ConsiderReview", "EndEvent_ReviewConsidered");
        Assertions.assertThat(steps).contains("prefilled: Consider reviewing the IEP");
    }
}
