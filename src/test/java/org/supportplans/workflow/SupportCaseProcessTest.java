package org.supportplans.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.supportplans.workflow.SupportCaseProcess.Elements.END_TRIAGED;
import static org.supportplans.workflow.SupportCaseProcess.Elements.TASK_TRIAGE_REFERRAL;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/support-case.bpmn", "forms/triage-referral.form"})
class SupportCaseProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95)
            .build();

    @Test
    void aReferralWaitsForTheCoordinatorsTriageAndEndsWithIt() {
        ProcessInstance referral = runtimeService().startProcessInstanceByKey(SupportCaseProcess.KEY, "case-1");

        assertThat(referral).isWaitingAt(TASK_TRIAGE_REFERRAL);
        assertThat(task()).hasCandidateGroup("coordinator");
        Assertions.assertThat(formService()
                        .getTaskFormData(task().getId())
                        .getCamundaFormRef()
                        .getKey())
                .isEqualTo("triage-referral");

        complete(
                task(),
                withVariables(
                        SupportCaseProcess.Variables.TRIAGE_OUTCOME, "EVALUATE_IDEA",
                        SupportCaseProcess.Variables.TRIAGE_RATIONALE, "Reading two years below grade level."));

        assertThat(referral).hasPassed(TASK_TRIAGE_REFERRAL, END_TRIAGED).isEnded();
    }
}
