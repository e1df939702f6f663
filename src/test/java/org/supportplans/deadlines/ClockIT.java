package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.DeadlineSweepJob;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;
import org.supportplans.people.District;
import org.supportplans.people.DistrictRepository;
import org.supportplans.people.School;
import org.supportplans.people.SchoolRepository;
import org.supportplans.workflow.SupportCaseProcess;

/**
 * Clocks on cases of a Texas district (45 school days from consent, 19 TAC 89.1011): counted on its
 * calendar, moved when the calendar changes (due date, task due dates and timers), paused, extended,
 * previewed; and a clock's warnings, digests and escalation from the morning sweep, run by the job executor with
 * the engine's clock moved forward.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClockIT {

    static final String DISTRICT = "lone-star-isd";
    static final String SCHOOL = "alamo-elementary";
    static final ZoneId CENTRAL = ZoneId.of("America/Chicago");

    @LocalServerPort
    int port;

    @Autowired
    DistrictRepository districts;

    @Autowired
    SchoolRepository schools;

    @Autowired
    SchoolCalendars calendars;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    LocalDate today;
    Http admin;

    @BeforeAll
    void aTexasDistrictWithThisYearsAndNextYearsCalendars() {
        today = LocalDate.now(CENTRAL);
        admin = Http.as(port, "demo");
        if (districts.findById(DISTRICT).isEmpty()) {
            District district = districts.save(new District(DISTRICT, "Lone Star ISD", "TX", CENTRAL));
            schools.save(new School(SCHOOL, district, "Alamo Elementary"));
        }
        calendars.put(DISTRICT, schoolYear(today, List.of()));
        calendars.put(DISTRICT, schoolYear(today.plusYears(1), List.of()));
    }

    @Test
    void aSchoolDayClockMovesWhenTheCalendarChanges() {
        String caseId = consentGivenToday();

        JsonNode clock = clockOf(caseId, "initial-evaluation");
        LocalDate due = nthSchoolDayAfter(today, 45, List.of());
        assertThat(clock.path("rule").asText())
                .isEqualTo("45 school days after consent, extended by the school days absent when absent 3 or more;"
                        + " consent 35 to 44 school days before the last instructional day: 30 June (Tex. Educ. Code"
                        + " 29.004(a), (a-1); 19 TAC 89.1011)");
        assertThat(clock.path("dueDate").asText()).isEqualTo(due.toString());
        assertThat(clock.path("status").asText()).isEqualTo("RUNNING");
        assertThat(taskDue(caseId, "Task_PlanEvaluation")).isEqualTo(morning(due));

        // a snow day on the next school day: every running school-day clock moves by one school day
        LocalDate snowDay = nthSchoolDayAfter(today, 1, List.of());
        calendars.put(DISTRICT, schoolYear(snowDay, List.of(snowDay)));

        LocalDate moved = nthSchoolDayAfter(today, 45, List.of(snowDay));
        assertThat(moved).isAfter(due);
        JsonNode detail = admin.get("/api/clocks/" + clock.path("id").asLong()).json();
        assertThat(detail.path("clock").path("dueDate").asText()).isEqualTo(moved.toString());
        assertThat(detail.path("moves")).hasSize(1);
        assertThat(detail.path("moves").get(0).path("previousDue").asText()).isEqualTo(due.toString());
        assertThat(detail.path("moves").get(0).path("why").asText()).startsWith("School calendar");
        assertThat(taskDue(caseId, "Task_PlanEvaluation"))
                .as("the task's due date moved")
                .isEqualTo(morning(moved));
        assertThat(detail.path("clock").path("firstWarningOn").asText())
                .as("the first warning moved; the morning sweep reads it, nothing to reschedule")
                .isEqualTo(moved.minusDays(10).toString());
        assertThat(managementService
                        .createJobQuery()
                        .processDefinitionKey(SupportCaseProcess.DeadlineSweepProcess.KEY)
                        .timers()
                        .count())
                .as("one timer, the hourly sweep's, for every clock")
                .isOne();

        // the coordinator's preview gives the same date
        JsonNode preview = admin.get(
                        "/api/deadlines/preview?district=" + DISTRICT + "&clock=initial-evaluation&start=" + today)
                .json();
        assertThat(preview.path("dueDate").asText()).isEqualTo(moved.toString());
        assertThat(preview.path("citation").asText()).isEqualTo("Tex. Educ. Code 29.004(a), (a-1); 19 TAC 89.1011");

        // a written extension for a specific learning disability (34 CFR 300.309(c))
        JsonNode extended = admin.post(
                        "/api/clocks/" + clock.path("id").asLong() + "/extend",
                        Map.of(
                                "to",
                                moved.plusDays(14).toString(),
                                "reasonCode",
                                "SLD_WRITTEN_EXTENSION",
                                "reasonText",
                                "Agreed in writing with the parents."))
                .json();
        assertThat(extended.path("clock").path("dueDate").asText())
                .isEqualTo(moved.plusDays(14).toString());
        assertThat(extended.path("clock").path("reasonCode").asText()).isEqualTo("SLD_WRITTEN_EXTENSION");
    }

    @Test
    void aPausedClockHasNoDueDateUntilItResumes() {
        String caseId = consentGivenToday();
        JsonNode running = clockOf(caseId, "initial-evaluation");
        long clockId = running.path("id").asLong();

        Http.Response bad = admin.post(
                "/api/clocks/" + clockId + "/pause",
                Map.of("from", today.plusDays(3).toString(), "reasonCode", "PARENT_DID_NOT_PRODUCE_CHILD"));
        assertThat(bad.status()).as("a pause in the future").isEqualTo(400);
        Http.Response other = admin.post(
                "/api/clocks/" + clockId + "/pause", Map.of("from", today.toString(), "reasonCode", "OTHER"));
        assertThat(other.status()).as("OTHER needs words").isEqualTo(400);
        assertThat(Http.as(port, "school-psychologist")
                        .post(
                                "/api/clocks/" + clockId + "/pause",
                                Map.of("from", today.toString(), "reasonCode", "TRANSFER"))
                        .status())
                .as("not a coordinator; and not of this district")
                .isIn(403, 404);

        JsonNode paused = admin.post(
                        "/api/clocks/" + clockId + "/pause",
                        Map.of(
                                "from",
                                today.toString(),
                                "reasonCode",
                                "PARENT_DID_NOT_PRODUCE_CHILD",
                                "reasonText",
                                "Missed two testing appointments."))
                .json();
        assertThat(paused.path("clock").path("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.path("clock").path("dueDate").isNull()
                        || paused.path("clock").path("dueDate").isMissingNode())
                .isTrue();
        assertThat(paused.path("clock").path("dueUnknownReason").asText()).contains("paused");

        JsonNode resumed = admin.post("/api/clocks/" + clockId + "/resume", Map.of("on", today.toString()))
                .json();
        assertThat(resumed.path("clock").path("status").asText()).isEqualTo("RUNNING");
        // paused today, resumed today: no school day was lost (the day the clock starts is not counted)
        assertThat(resumed.path("clock").path("dueDate").asText())
                .isEqualTo(running.path("dueDate").asText());
        assertThat(resumed.path("pauses")).hasSize(1);
    }

    @Test
    void theMorningSweepWarnsTwiceThenAsksTheCoordinatorWhyAMissedDeadlineWasMissed() {
        // this district not swept yet (an earlier test may have moved the engine's clock, and its sweep, ahead)
        jdbc.update("delete from deadline_sweep where district_id = ?", DISTRICT);
        // the school's psychologist and coordinator: those who hold a step of the case get its digests
        for (String staff : List.of("school-psychologist", "coordinator")) {
            jdbc.update(
                    "insert into school_staff (school_id, user_id) select ?, ? where not exists"
                            + " (select 1 from school_staff where school_id = ? and user_id = ?)",
                    SCHOOL,
                    staff,
                    SCHOOL,
                    staff);
        }
        String caseId = consentGivenToday();
        // the parents asked to see the records 40 days ago: 45 calendar days (34 CFR 300.613(a)), due in 5 days;
        // its first warning (due - 10 days) passed 5 days ago, its final warning (due - 3 days) is in 2 days
        Http.Response started = admin.post(
                "/api/cases/" + caseId + "/clocks",
                Map.of("kind", "records-request", "start", today.minusDays(40).toString()));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long clockId = started.json().path("clock").path("id").asLong();
        assertThat(started.json().path("clock").path("dueDate").asText())
                .isEqualTo(today.plusDays(5).toString());

        // the top of the hour: the sweep of today gives the first warning, in the digests of the day
        String first = DeadlineSweepJob.dueNow(admin);
        DeadlineSweepJob.awaitRun(admin, first);
        assertThat(reminders(clockId)).isEqualTo(1);
        assertThat(digestItems(clockId)).containsExactly("FIRST_WARNING");
        assertThat(jdbc.queryForList(
                        "select d.staff_id from deadline_digest d join deadline_digest_item i on i.digest_id = d.id"
                                + " where i.clock_id = ?",
                        String.class,
                        clockId))
                .as("the coordinators hold the case's open step (Plan the evaluation, a candidate group); the"
                        + " school's psychologist holds none of its steps yet")
                .containsExactly("coordinator");
        try {
            // three days on, past the final warning: the hourly timer is due again, and the next morning's sweep
            // gives the final warning, once
            ClockUtil.setCurrentTime(
                    Date.from(Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(1))));
            await("the final warning", () -> reminders(clockId) == 2);
            assertThat(digestItems(clockId)).containsExactly("FIRST_WARNING", "FINAL_WARNING");
            // a week on, past the due date: overdue, and the coordinator asked why
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(7))));
            await(
                    "the escalation",
                    () -> taskService
                                    .createTaskQuery()
                                    .processInstanceBusinessKey(caseId)
                                    .taskDefinitionKey(SupportCaseProcess.DeadlineMissed.TASK_RECORD_LATE_REASON)
                                    .count()
                            == 1);
        } finally {
            ClockUtil.reset();
        }
        assertThat(jdbc.queryForObject("select status from clock where id = ?", String.class, clockId))
                .isEqualTo("OVERDUE");
        assertThat(digestItems(clockId)).containsExactly("FIRST_WARNING", "FINAL_WARNING", "OVERDUE");
        assertThat(jdbc.queryForList(
                        "select d.staff_id from deadline_digest d join deadline_digest_item i on i.digest_id = d.id"
                                + " where i.clock_id = ? and i.what = 'OVERDUE'",
                        String.class,
                        clockId))
                .as("the coordinators of the school hear of the overdue clock")
                .contains("coordinator");
        assertThat(jdbc.queryForObject(
                        "select count(*) from (select staff_id, digest_on from deadline_digest where district_id = ?"
                                + " group by staff_id, digest_on having count(*) > 1) twice",
                        Integer.class,
                        DISTRICT))
                .as("one digest per staff member a day")
                .isZero();
        // what the coordinator's form shows, as Tasklist reads it
        JsonNode shown = admin.get("/engine-rest/task/"
                        + Tasks.open(admin, caseId, "Deadline missed: record why")
                                .path("id")
                                .asText()
                        + "/form-variables")
                .json();
        assertThat(shown.path("studentName").path("value").asText()).isEqualTo("Maya Lopez");
        assertThat(shown.path("schoolName").path("value").asText()).isNotBlank();
        assertThat(shown.path("clockLabel").path("value").asText()).isNotBlank();
        assertThat(shown.path("clockRule").path("value").asText()).contains("300.613");
        assertThat(shown.path("clockDueOn").path("value").asText())
                .isEqualTo(today.plusDays(5).toString());
        Tasks.done(
                admin,
                caseId,
                "Deadline missed: record why",
                Map.of(
                        "lateReasonCode",
                        "SCHOOL_ERROR",
                        "lateReasonText",
                        "The request was filed in the wrong folder."));
        JsonNode explained = admin.get("/api/clocks/" + clockId).json();
        assertThat(explained.path("clock").path("reasonCode").asText()).isEqualTo("SCHOOL_ERROR");
        assertThat(explained.path("clock").path("status").asText()).isEqualTo("OVERDUE");
    }

    private List<String> digestItems(long clockId) {
        return jdbc
                .queryForList(
                        "select distinct i.what, d.digest_on from deadline_digest_item i"
                                + " join deadline_digest d on d.id = i.digest_id where i.clock_id = ? order by d.digest_on",
                        clockId)
                .stream()
                .map(row -> (String) row.get("what"))
                .toList();
    }

    private String consentGivenToday() {
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("schoolId", SCHOOL);
        referral.put("receivedOn", today.minusDays(2).toString());
        Http.Response referred = admin.post("/api/referrals", referral);
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String caseId = referred.json().path("caseId").asText();
        Tasks.done(
                admin,
                caseId,
                "Triage the referral",
                Map.of("triageOutcome", "EVALUATE_IDEA", "triageRationale", "Reading well below grade level."));
        Http.Response consent = admin.post(
                "/api/cases/" + caseId + "/parent-responses",
                Map.of("kind", "EVALUATION_CONSENT", "decision", "GIVEN", "date", today.toString()));
        assertThat(consent.status()).as(consent.body()).isEqualTo(202);
        return caseId;
    }

    private JsonNode clockOf(String caseId, String kind) {
        for (JsonNode clock : admin.get("/api/cases/" + caseId).json().path("clocks")) {
            if (kind.equals(clock.path("kind").asText())) {
                return clock;
            }
        }
        throw new AssertionError("no " + kind + " clock on case " + caseId);
    }

    private Date taskDue(String caseId, String taskKey) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey(taskKey)
                .singleResult()
                .getDueDate();
    }

    private int reminders(long clockId) {
        return jdbc.queryForObject("select reminders_sent from clock where id = ?", Integer.class, clockId);
    }

    private static Date morning(LocalDate day) {
        return Date.from(day.atTime(7, 0).atZone(CENTRAL).toInstant());
    }

    /** School from 15 August to 31 May of the school year of the day; weekdays, but for the days given. */
    private static SchoolYearCalendar schoolYear(LocalDate day, List<LocalDate> noSchool) {
        String year = SchoolYearCalendar.schoolYearOf(day);
        int start = SchoolYearCalendar.startYear(year);
        LocalDate first = LocalDate.of(start, 8, 15);
        LocalDate last = LocalDate.of(start + 1, 5, 31);
        return new SchoolYearCalendar(
                year,
                first,
                last,
                noSchool.stream()
                        .filter(d -> !d.isBefore(first) && !d.isAfter(last))
                        .map(d -> new SchoolYearCalendar.NoSchool(d, d, "Snow day"))
                        .toList());
    }

    /** The same calendar, walked by hand: weekdays from 15 August to 31 May, less the days given. */
    private static LocalDate nthSchoolDayAfter(LocalDate start, int n, List<LocalDate> noSchool) {
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            int month = day.getMonthValue();
            boolean inSession = !(month == 6 || month == 7 || (month == 8 && day.getDayOfMonth() < 15));
            if (inSession && !SchoolYearCalendar.isWeekend(day) && !noSchool.contains(day)) {
                counted++;
            }
        }
        return day;
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(condition::getAsBoolean);
    }
}
