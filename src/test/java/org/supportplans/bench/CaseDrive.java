package org.supportplans.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.CaseDriver;
import org.supportplans.CaseDriver.Forms;
import org.supportplans.CaseDriver.Step;
import org.supportplans.Referrals;
import org.supportplans.intake.IntakeService;
import org.supportplans.intake.ReferralRequest;
import org.supportplans.system.CurrentStaff;
import org.supportplans.workflow.SupportCaseProcess;

/**
 * Drives cases in the service's own JVM, as the API and Tasklist do it: the referral through
 * {@link IntakeService} (what {@code POST /api/referrals} calls) and each user task through
 * {@link FormService#submitTaskForm} (what Tasklist's "Complete" calls through {@code /engine-rest/task/{id}/submit-form}),
 * signed in to the engine as the staff member who does the step, so that authorizations and the task
 * listeners' checks run as in production. The steps and their values are {@link CaseDriver}'s, as the integration
 * tests drive a case over HTTP.
 */
final class CaseDrive {

    static final String BASELINE_KEY = "bench-bare-ten-tasks";
    /** User tasks from a referral to an IEP in effect: triage, consent to evaluate, plan the evaluation, two areas,
     * eligibility, schedule and hold the plan meeting, write the IEP, consent for services. */
    static final int USER_TASKS = 10;

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final AtomicLong STUDENTS = new AtomicLong();

    private final IntakeService intake;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final Map<String, List<String>> tenants = new ConcurrentHashMap<>();
    private final CaseDriver driver = CaseDriver.with(new InTheService());

    CaseDrive(
            IntakeService intake,
            RuntimeService runtime,
            TaskService tasks,
            FormService forms,
            IdentityService identity,
            JdbcTemplate jdbc) {
        this.intake = intake;
        this.runtime = runtime;
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
        this.jdbc = jdbc;
    }

    /** How far a product case is driven. */
    enum Stop {
        REFERRED,
        CONSENT_ASKED,
        EVALUATING,
        PLAN_DEVELOPMENT,
        IEP_IN_EFFECT,
        DECLINED
    }

    /** A case referred three days ago, every step today. */
    String productCase(String schoolId, Stop stop, LocalDate today) {
        return productCase(schoolId, stop, 0, today, () -> {});
    }

    /**
     * A case whose first steps (referral three days before, triage, consent, the evaluation planned) happened
     * {@code pastDays} ago, with the engine's clock (and so ours) set back to that day, as if the service had run
     * them then; every later step today, after {@code settle} (e.g. the morning deadline sweep run for the days in
     * between: warnings, a clock found overdue and the coordinator's "Deadline missed: record why", answered here
     * with the reason {@code SCHOOL_ERROR}). Not thread-safe when {@code pastDays > 0}.
     */
    String productCase(String schoolId, Stop stop, int pastDays, LocalDate realToday, Runnable settle) {
        if (pastDays > 0) {
            // the same hour of the district's day, pastDays days back: a day's date there, across a change of
            // daylight saving time too, is realToday - pastDays
            ClockUtil.setCurrentTime(Date.from(
                    ZonedDateTime.now(Referrals.DEMO_ZONE).minusDays(pastDays).toInstant()));
        }
        try {
            return drive(schoolId, stop, pastDays, realToday, settle);
        } finally {
            ClockUtil.reset();
        }
    }

    private String drive(String schoolId, Stop stop, int pastDays, LocalDate realToday, Runnable settle) {
        int referredDaysAgo = 3;
        LocalDate today = realToday.minusDays(pastDays);
        String localId = "T-" + STUDENTS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
        Map<String, Object> referral = Referrals.of(localId);
        ((Map<String, Object>) referral.get("student"))
                .put("dateOfBirth", today.minusYears(9).toString());
        referral.put("schoolId", schoolId);
        referral.put("receivedOn", today.minusDays(referredDaysAgo).toString());
        CaseDriver.Case aCase = driver.aCase(referral);
        if (stop == Stop.REFERRED) {
            return aCase.id();
        }
        if (stop == Stop.DECLINED) {
            return aCase.triaged("DECLINE", "Grade-level work with classroom support; no disability suspected.")
                    .id();
        }
        aCase.triaged();
        if (stop == Stop.CONSENT_ASKED) {
            return aCase.id();
        }
        aCase.consented(today).evaluationPlanned("COGNITIVE", "ACADEMIC");
        if (pastDays > 0) {
            ClockUtil.reset();
            today = realToday;
            settle.run();
            for (Task late : tasks.createTaskQuery()
                    .processInstanceBusinessKey(aCase.id())
                    .taskDefinitionKey(SupportCaseProcess.DeadlineMissed.TASK_RECORD_LATE_REASON)
                    .list()) {
                as("coordinator");
                try {
                    forms.submitTaskForm(
                            late.getId(),
                            typed(Forms.lateReason(
                                    "SCHOOL_ERROR", "The psychologist's caseload left no slot before the due date.")));
                } finally {
                    identity.clearAuthentication();
                }
            }
        }
        if (stop == Stop.EVALUATING) {
            return aCase.id();
        }
        aCase.evaluated(today).eligible(today);
        if (stop == Stop.PLAN_DEVELOPMENT) {
            return aCase.id();
        }
        return aCase.meetingScheduled(today)
                .iepWritten(today)
                .meetingHeld(today)
                .servicesConsented(today)
                .id();
    }

    /**
     * The steps in this JVM: the referral through {@link IntakeService}, each task through {@link
     * FormService#submitTaskForm}, the parents' answers as the coordinator records them in their task.
     */
    private final class InTheService implements CaseDriver.Hands {

        @Override
        public String refer(Map<String, Object> referral) {
            ReferralRequest request = JSON.convertValue(referral, ReferralRequest.class);
            as("coordinator");
            try {
                return intake.refer(request, staff("coordinator")).caseId();
            } finally {
                identity.clearAuthentication();
            }
        }

        @Override
        public void complete(String userId, String caseId, Step step, Map<String, Object> values) {
            CaseDrive.this.complete(caseId, step.taskKey(), userId, typed(values));
        }

        @Override
        public void parentsGave(String caseId, String kind, LocalDate on) {
            complete("coordinator", caseId, Step.RECORD_PARENT_ANSWER, Forms.parentAnswer(on));
        }
    }

    /** The bare process: as many user tasks, each completed the same way, and no-op delegates. */
    String baselineCase() {
        String key = "B-" + STUDENTS.incrementAndGet();
        as("coordinator");
        try {
            runtime.startProcessInstanceByKey(BASELINE_KEY, key);
        } finally {
            identity.clearAuthentication();
        }
        for (int i = 1; i <= USER_TASKS; i++) {
            complete(
                    key,
                    "Task_" + i,
                    "coordinator",
                    typed(Forms.values(
                            "note", "step " + i, "doneOn", LocalDate.now().toString())));
        }
        return key;
    }

    private void complete(String businessKey, String taskKey, String userId, VariableMap values) {
        as(userId);
        try {
            List<Task> open = tasks.createTaskQuery()
                    .processInstanceBusinessKey(businessKey)
                    .taskDefinitionKey(taskKey)
                    .taskCandidateGroup(userId)
                    .list();
            if (open.isEmpty()) {
                throw new IllegalStateException("No open task " + taskKey + " for " + userId + " in " + businessKey);
            }
            forms.submitTaskForm(open.get(0).getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Signed in as a demo staff member whose only group is the role of the same name, with the schools they
     * work at as their tenants (where schools are Camunda tenants, the tenant id is the school id; without
     * tenants the list changes nothing).
     */
    private void as(String userId) {
        List<String> schools = tenants.computeIfAbsent(
                userId,
                id -> jdbc.queryForList("select school_id from school_staff where user_id = ?", String.class, id));
        identity.setAuthentication(userId, List.of(userId), schools);
    }

    static CurrentStaff staff(String userId) {
        return new CurrentStaff(userId, List.of(userId));
    }

    /** Checklists and dynamic lists arrive as JSON variables, as Camunda Forms submit them. */
    private static VariableMap typed(Map<String, Object> values) {
        VariableMap variables = Variables.createVariables();
        values.forEach((name, value) ->
                variables.put(name, value instanceof List<?> || value instanceof Map<?, ?> ? json(value) : value));
        return variables;
    }

    private static Object json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
