package org.supportplans;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.supportplans.CaseDriver.Step;
import org.supportplans.workflow.SupportCaseProcess;

/** Brings a case's annual review forward to now, for tests and benches that follow a plan through its year. */
public final class AnnualReviewDue {

    private AnnualReviewDue() {}

    /**
     * The annual review's timer is due: once it is set (after a review the teachers are told of the new IEP first, a
     * job of its own), its job is run (the job executor may be there first) and "Hold the annual review" opens.
     */
    public static void now(RuntimeService runtime, ManagementService management, Http coordinator, String caseId) {
        String planInEffect = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId, SupportCaseProcess.PlanInEffect.KEY)
                .singleResult()
                .getId();
        Tasks.await(
                "the annual review's timer",
                () -> management
                                        .createJobQuery()
                                        .processInstanceId(planInEffect)
                                        .activityId(SupportCaseProcess.PlanInEffect.TIMER_ANNUAL_REVIEW_DUE)
                                        .count()
                                == 1
                        || reviewOpen(coordinator, caseId));
        Job due = management
                .createJobQuery()
                .processInstanceId(planInEffect)
                .activityId(SupportCaseProcess.PlanInEffect.TIMER_ANNUAL_REVIEW_DUE)
                .singleResult();
        if (due != null) {
            try {
                management.executeJob(due.getId());
            } catch (ProcessEngineException takenByTheJobExecutor) {
                // the job executor ran it: the task opens all the same
            }
        }
        Tasks.await("'Hold the annual review' of case " + caseId, () -> reviewOpen(coordinator, caseId));
    }

    private static boolean reviewOpen(Http coordinator, String caseId) {
        return Tasks.all(coordinator, caseId).stream()
                .anyMatch(task -> task.path("name").asText().equals(Step.HOLD_ANNUAL_REVIEW.taskName()));
    }
}
