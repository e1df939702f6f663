package org.supportplans.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The morning deadline sweep: one timer for the whole service, every hour on the hour, each run one sweep. */
@Deployment(resources = "processes/deadline-sweep.bpmn")
class DeadlineSweepProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95)
            .build();

    private final List<String> sweeps = new ArrayList<>();

    @BeforeEach
    void registerTheBeansTheDiagramNames() {
        Mocks.register("deadlineSweep", (JavaDelegate) execution -> sweeps.add(execution.getProcessInstanceId()));
    }

    @AfterEach
    void forgetTheBeans() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void everyHourOnTheHourOneSweepRunsAndTheNextHourIsScheduled() {
        Instant deployedAt = ClockUtil.getCurrentTime().toInstant();
        Job timer = sweepTimer();
        Assertions.assertThat(timer.getDuedate().toInstant())
                .as("the next full hour")
                .isEqualTo(deployedAt.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS));
        Assertions.assertThat(timer.getProcessInstanceId())
                .as("a timer of the definition, not of an instance")
                .isNull();

        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(5)));
        managementService().executeJob(timer.getId());

        Assertions.assertThat(sweeps).hasSize(1);
        Assertions.assertThat(historyService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(sweeps.get(0))
                        .orderPartiallyByOccurrence()
                        .asc()
                        .list()
                        .stream()
                        .map(HistoricActivityInstance::getActivityId))
                .containsExactly("TimerStartEvent_EveryHour", "ServiceTask_SweepDistricts", "EndEvent_Swept");
        Assertions.assertThat(historyService()
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(sweeps.get(0))
                        .singleResult()
                        .getEndTime())
                .as("the sweep's instance has ended")
                .isNotNull();
        Assertions.assertThat(sweepTimer().getDuedate().toInstant())
                .as("the hour after")
                .isEqualTo(timer.getDuedate().toInstant().plus(1, ChronoUnit.HOURS));
    }

    private static Job sweepTimer() {
        return managementService()
                .createJobQuery()
                .processDefinitionKey("deadline-sweep")
                .timers()
                .singleResult();
    }
}
