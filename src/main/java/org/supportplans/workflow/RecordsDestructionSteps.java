package org.supportplans.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.supportplans.engine.CaseTenants;
import org.supportplans.engine.TaskInputRejected;
import org.supportplans.people.Role;
import org.supportplans.retention.RecordsRetention;
import org.supportplans.retention.RecordsRetention.ListedCase;
import org.supportplans.retention.RecordsRetention.Review;
import org.supportplans.system.AsApplication;
import org.supportplans.workflow.SupportCaseProcess.RecordsDestruction;

/**
 * A district's yearly "Confirm the destruction of records" ({@code records-destruction}): opened by the morning
 * sweep with the review's counts and case ids (never a name), decided by a district administrator, and the
 * records destroyed: ours ({@link RecordsRetention#destroy}) and the engine's history of each case (every process
 * instance with the case id as its business key).
 */
final class RecordsDestructionSteps {

    static final String REVIEW_ID = "reviewId";
    static final String DISTRICT_ID = "districtId";
    static final String PARENTS_INFORMED_ON = "parentsInformedOn";

    private RecordsDestructionSteps() {}

    /** Opens the district's task for a review that listed cases, in the tenant of one of the district's schools. */
    @Component
    static class Opener {

        private final RuntimeService runtime;
        private final JdbcTemplate jdbc;

        Opener(RuntimeService runtime, JdbcTemplate jdbc) {
            this.runtime = runtime;
            this.jdbc = jdbc;
        }

        void open(Review review) {
            String schoolId = jdbc.queryForObject(
                    "select min(id) from school where district_id = ?", String.class, review.districtId());
            Map<String, Object> variables = new HashMap<>();
            variables.put(REVIEW_ID, review.id());
            variables.put(DISTRICT_ID, review.districtId());
            variables.put(CaseTenants.SCHOOL_ID_VARIABLE, schoolId);
            variables.put("reviewYear", review.year());
            variables.put("keptYears", review.keptYears());
            variables.put("listedCount", review.cases().size());
            variables.put(
                    "exitedBy",
                    review.cases().stream()
                            .map(ListedCase::exitedOn)
                            .max(LocalDate::compareTo)
                            .map(LocalDate::toString)
                            .orElse(""));
            variables.put(
                    "caseIds", review.cases().stream().map(ListedCase::caseId).collect(Collectors.joining(", ")));
            runtime.startProcessInstanceByKey(RecordsDestruction.KEY, variables);
        }
    }

    /** "Confirm the destruction of records": destroy (with the day the parents were informed) or keep for now. */
    @Component("recordsDecisionRecorder")
    static class DecisionRecorder implements TaskListener {

        private final FormSchemas forms;
        private final RecordsRetention retention;

        DecisionRecorder(FormSchemas forms, RecordsRetention retention) {
            this.forms = forms;
            this.retention = retention;
        }

        @Override
        public void notify(DelegateTask task) {
            String actor = actor(task);
            // a coordinator may read and assign any task of their school's tenant: the decision is the district
            // administrators' alone (the candidate group says who is asked, this says who may answer)
            boolean districtAdmin = task.getProcessEngineServices()
                            .getIdentityService()
                            .createGroupQuery()
                            .groupMember(actor)
                            .groupIdIn(Role.DISTRICT_ADMIN.groupId(), Groups.CAMUNDA_ADMIN)
                            .count()
                    > 0;
            if (!districtAdmin) {
                throw new TaskInputRejected("Only a district administrator may decide on the destruction of records.");
            }
            TaskInputs input = new TaskInputs(forms.of(task), task);
            long reviewId = ((Number) task.getVariable(REVIEW_ID)).longValue();
            String decision = input.option("recordsDecision");
            if ("KEEP".equals(decision)) {
                retention.keep(reviewId, actor);
                return;
            }
            LocalDate informed = input.date("parentsInformedOn");
            String district = (String) task.getVariable(DISTRICT_ID);
            if (informed.isAfter(retention.today(district))) {
                throw new TaskInputRejected("Parents informed on: not after today. The parents must be informed"
                        + " before their child's records are destroyed (34 CFR 300.624(a)).");
            }
            task.getExecution().setVariable(PARENTS_INFORMED_ON, informed.toString());
            task.getExecution().setVariable("decidedBy", actor);
        }

        private static String actor(DelegateTask task) {
            if (task.getAssignee() != null) {
                return task.getAssignee();
            }
            Authentication authentication =
                    task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            return authentication == null ? "system" : authentication.getUserId();
        }
    }

    /** "Destroy the records": ours, then the engine's history of each destroyed case. */
    @Component("recordsDestruction")
    static class Destruction implements JavaDelegate {

        private final RecordsRetention retention;
        private final RuntimeService runtime;
        private final HistoryService history;
        private final AsApplication asApplication;

        Destruction(
                RecordsRetention retention,
                RuntimeService runtime,
                HistoryService history,
                AsApplication asApplication) {
            this.retention = retention;
            this.runtime = runtime;
            this.history = history;
            this.asApplication = asApplication;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long reviewId = ((Number) execution.getVariable(REVIEW_ID)).longValue();
            List<String> destroyed = retention.destroy(
                    reviewId, LocalDate.parse((String) execution.getVariable(PARENTS_INFORMED_ON)), (String)
                            execution.getVariable("decidedBy"));
            asApplication.call(() -> {
                for (String caseId : destroyed) {
                    List<String> running =
                            runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                                    .map(ProcessInstance::getId)
                                    .toList();
                    if (!running.isEmpty()) {
                        runtime.deleteProcessInstancesIfExists(running, "records destroyed", true, true, false);
                    }
                    List<String> ended =
                            history
                                    .createHistoricProcessInstanceQuery()
                                    .processInstanceBusinessKey(caseId)
                                    .list()
                                    .stream()
                                    .map(HistoricProcessInstance::getId)
                                    .toList();
                    if (!ended.isEmpty()) {
                        history.deleteHistoricProcessInstancesIfExists(ended);
                    }
                }
                return null;
            });
            execution.setVariable("destroyedCount", destroyed.size());
        }
    }
}
