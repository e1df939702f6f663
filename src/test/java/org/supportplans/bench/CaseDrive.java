package org.supportplans.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.supportplans.Referrals;
import org.supportplans.cases.Concern;
import org.supportplans.cases.ReferrerRole;
import org.supportplans.deadlines.ClockWatch;
import org.supportplans.intake.IntakeService;
import org.supportplans.intake.ReferralRequest;
import org.supportplans.system.CurrentStaff;
import org.supportplans.workflow.SupportCaseProcess.EvaluationEligibility;
import org.supportplans.workflow.SupportCaseProcess.ParentConsent;
import org.supportplans.workflow.SupportCaseProcess.PlanDevelopment;
import org.supportplans.workflow.SupportCaseProcess.ReferralTriage;

/**
 * Drives cases in the service's own JVM, as the API and Tasklist do it: the referral through
 * {@link IntakeService} (what {@code POST /api/referrals} calls) and each user task through
 * {@link FormService#submitTaskForm} (what Tasklist's "Complete" calls through {@code /engine-rest/task/{id}/submit-form}),
 * signed in to the engine as the staff member who does the step, so that authorizations and the task
 * listeners' checks run as in production. The values are those of {@code CaseJourneyIT}.
 */
final class CaseDrive {

    static final String BASELINE_KEY = "bench-bare-ten-tasks";
    /** User tasks from a referral to an IEP in effect: triage, consent to evaluate, plan the evaluation, two areas,
     * eligibility, schedule and hold the plan meeting, write the IEP, consent for services. */
    static final int USER_TASKS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong STUDENTS = new AtomicLong();

    private final IntakeService intake;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final Map<String, List<String>> tenants = new ConcurrentHashMap<>();

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
     * them then; every later step today, after {@code settle} (e.g. the job executor firing the timers that fell
     * due in between: reminders, a clock found overdue and the coordinator's "Deadline missed: record why",
     * answered here with the reason {@code SCHOOL_ERROR}). Not thread-safe when {@code pastDays > 0}.
     */
    String productCase(String schoolId, Stop stop, int pastDays, LocalDate realToday, Runnable settle) {
        if (pastDays > 0) {
            // so many days back on the demo district's calendar: across a change of daylight saving time, so many
            // times 24 hours back can be another day there (an hour after its midnight)
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
        ReferralRequest request = new ReferralRequest(
                new ReferralRequest.StudentPart(localId, "Maya", "Lopez", today.minusYears(9)),
                schoolId,
                today.minusDays(referredDaysAgo),
                new ReferralRequest.ReferrerPart(ReferrerRole.PARENT, "Ana Lopez"),
                Set.of(Concern.ACADEMIC, Concern.COMMUNICATION),
                true,
                "Reading two years below grade level; the parents asked for an evaluation.");
        String caseId;
        as("coordinator");
        try {
            caseId = intake.refer(request, staff("coordinator")).caseId();
        } finally {
            identity.clearAuthentication();
        }
        if (stop == Stop.REFERRED) {
            return caseId;
        }
        if (stop == Stop.DECLINED) {
            complete(
                    caseId,
                    ReferralTriage.TASK_TRIAGE_REFERRAL,
                    "coordinator",
                    values(
                            "triageOutcome", "DECLINE",
                            "triageRationale", "Grade-level work with classroom support; no disability suspected."));
            return caseId;
        }
        complete(
                caseId,
                ReferralTriage.TASK_TRIAGE_REFERRAL,
                "coordinator",
                values("triageOutcome", "EVALUATE_IDEA", "triageRationale", "Reading two years below grade level."));
        if (stop == Stop.CONSENT_ASKED) {
            return caseId;
        }
        complete(
                caseId,
                ParentConsent.TASK_RECORD_PARENT_ANSWER,
                "coordinator",
                values("parentDecision", "GIVEN", "parentDecisionDate", today.toString()));
        complete(
                caseId,
                EvaluationEligibility.TASK_PLAN_EVALUATION,
                "coordinator",
                values("evaluationAreas", json(List.of("COGNITIVE", "ACADEMIC"))));
        if (pastDays > 0) {
            ClockUtil.reset();
            today = realToday;
            settle.run();
            for (Task late : tasks.createTaskQuery()
                    .processInstanceBusinessKey(caseId)
                    .taskDefinitionKey(ClockWatch.TASK_RECORD_LATE_REASON)
                    .list()) {
                as("coordinator");
                try {
                    forms.submitTaskForm(
                            late.getId(),
                            values(
                                    "lateReasonCode", "SCHOOL_ERROR",
                                    "lateReasonText", "The psychologist's caseload left no slot before the due date."));
                } finally {
                    identity.clearAuthentication();
                }
            }
        }
        if (stop == Stop.EVALUATING) {
            return caseId;
        }
        complete(
                caseId,
                EvaluationEligibility.TASK_EVALUATE_AREA,
                "school-psychologist",
                values(
                        "areaCompletedOn",
                        today.toString(),
                        "areaFindings",
                        "Average verbal reasoning, weak phonological processing."));
        complete(
                caseId,
                EvaluationEligibility.TASK_EVALUATE_AREA,
                "special-education-teacher",
                values(
                        "areaCompletedOn",
                        today.toString(),
                        "areaFindings",
                        "Reads at a first-grade level; math at grade level."));
        complete(
                caseId,
                EvaluationEligibility.TASK_DECIDE_ELIGIBILITY,
                "coordinator",
                values(
                        "eligibilityMeetingOn",
                        today.toString(),
                        "eligibilityOutcome",
                        "IEP",
                        "ideaCategories",
                        json(List.of("SPECIFIC_LEARNING_DISABILITY")),
                        "eligibilityRationale",
                        "A specific learning disability in basic reading skills."));
        if (stop == Stop.PLAN_DEVELOPMENT) {
            return caseId;
        }
        complete(
                caseId,
                PlanDevelopment.TASK_SCHEDULE_PLAN_MEETING,
                "coordinator",
                values("planMeetingOn", today.toString(), "planMeetingLocation", "Room 12"));
        complete(
                caseId,
                PlanDevelopment.TASK_HOLD_PLAN_MEETING,
                "coordinator",
                values(
                        "planMeetingHeldOn", today.toString(),
                        "meetingParticipants",
                                json(List.of(
                                        "PARENT",
                                        "coordinator",
                                        "special-education-teacher",
                                        "general-education-teacher",
                                        "lea-representative"))));
        LocalDate iepEnds = today.plusYears(1).minusDays(1);
        complete(
                caseId,
                PlanDevelopment.TASK_WRITE_IEP,
                "special-education-teacher",
                values(
                        "iepStartsOn", today.toString(),
                        "iepEndsOn", iepEnds.toString(),
                        "presentLevels",
                                "Maya decodes at a first-grade level and comprehends grade-level text read aloud.",
                        "annualGoals", "Reads second-grade text at 60 words correct per minute by May.",
                        "services",
                                json(List.of(Map.of(
                                        "service", "Specialized reading instruction",
                                        "providerRole", "special-education-teacher",
                                        "minutes", 45,
                                        "frequency", "DAILY",
                                        "setting", "SPECIAL_EDUCATION",
                                        "startsOn", today.toString(),
                                        "endsOn", iepEnds.toString()))),
                        "accommodations", "Text read aloud in tests; extended time.",
                        "placement", "REGULAR_CLASS_80_PERCENT_OR_MORE"));
        complete(
                caseId,
                ParentConsent.TASK_RECORD_PARENT_ANSWER,
                "coordinator",
                values("parentDecision", "GIVEN", "parentDecisionDate", today.toString()));
        return caseId;
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
                    values("note", "step " + i, "doneOn", LocalDate.now().toString()));
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

    private static VariableMap values(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Variables.fromMap(map);
    }

    /** Checklists and dynamic lists arrive as JSON variables, as Camunda Forms submit them. */
    private static Object json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
