package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportplans.Referrals.today;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.Http;
import org.supportplans.PinnedToday;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;

/**
 * The coordinator's view of what is due, as a coordinator sees it: two cases of the demo district, one
 * whose initial evaluation runs (consent given today, 60 calendar days in Colorado) and one still in
 * triage with clocks written straight into the table (overdue, extended, counted in school days, due date
 * unknown, met); and a case of a district in Guam, whose staff see only it. Every assertion looks at these
 * cases only: other tests' cases share the database.
 */
@PostgresIntegrationTest
@ExtendWith(PinnedToday.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlinesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    Http coordinator;
    LocalDate today;

    String evaluatingCase;
    String triageCase;
    String evaluatingLocalId;
    String triageLocalId;

    long evaluation; // initial-evaluation, consent today: due today + 60 calendar days
    long overdue; // iep-meeting, running, due 3 days ago
    long extended; // records-request, due yesterday, extended to today + 10
    long schoolDays; // manifestation-determination, 10 school days, due today + 21
    long unknownDue; // initial-evaluation counted in school days, the calendar not loaded
    long markedOverdue; // annual-review, marked OVERDUE 10 days after its due date
    long met; // records-request, met
    long plannedMeeting;
    long heldMeeting;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String guamDistrict = "deadlines-guam-" + suffix;
    final String guamSchool = "deadlines-guam-school-" + suffix;
    final String guamUser = "deadlines-guam-" + suffix;
    final ZoneId guamZone = ZoneId.of("Pacific/Guam");
    final String otherCoordinator = "deadlines-coordinator-" + suffix;
    String guamCase;
    long guamClock;

    @BeforeAll
    void twoCasesOfTheDemoDistrictAndOneInGuam() {
        coordinator = Http.as(port, "coordinator");
        today = today();

        evaluatingLocalId = Referrals.newStudentId();
        evaluatingCase = refer(evaluatingLocalId);
        Tasks.done(
                coordinator,
                evaluatingCase,
                "Triage the referral",
                Map.of("triageOutcome", "EVALUATE_IDEA", "triageRationale", "Reading two years below grade level."));
        Http.Response consent = coordinator.post(
                "/api/cases/" + evaluatingCase + "/parent-responses",
                Map.of("kind", "EVALUATION_CONSENT", "decision", "GIVEN", "date", today.toString()));
        assertThat(consent.status()).as(consent.body()).isEqualTo(202);
        Tasks.await(
                "the evaluation is to be planned",
                () -> Tasks.all(coordinator, evaluatingCase).stream()
                        .anyMatch(task -> task.path("name").asText().equals("Plan the evaluation")));
        evaluation = jdbc.queryForObject(
                "select id from clock where case_id = ? and kind = 'INITIAL_EVALUATION'", Long.class, evaluatingCase);

        triageLocalId = Referrals.newStudentId();
        triageCase = refer(triageLocalId);
        overdue = clock(triageCase, "IEP_MEETING", "CALENDAR_DAYS", today.minusDays(33), today.minusDays(3), null);
        extended = clock(triageCase, "RECORDS_REQUEST", "CALENDAR_DAYS", today.minusDays(46), today.minusDays(1), null);
        jdbc.update("update clock set extended_to = ? where id = ?", Date.valueOf(today.plusDays(10)), extended);
        schoolDays = clock(
                triageCase, "MANIFESTATION_DETERMINATION", "SCHOOL_DAYS", today.minusDays(1), today.plusDays(21), null);
        unknownDue = clock(
                triageCase,
                "INITIAL_EVALUATION",
                "SCHOOL_DAYS",
                today,
                null,
                "The school calendar 2099-2100 is not loaded yet.");
        markedOverdue =
                clock(triageCase, "ANNUAL_REVIEW", "YEARS", today.minusYears(1).minusDays(10), null, null);
        jdbc.update(
                "update clock set due_date = ?, status = 'OVERDUE' where id = ?",
                Date.valueOf(today.minusDays(10)),
                markedOverdue);
        met = clock(triageCase, "RECORDS_REQUEST", "CALENDAR_DAYS", today.minusDays(40), today.plusDays(5), null);
        jdbc.update("update clock set status = 'MET', stopped_on = ? where id = ?", Date.valueOf(today), met);
        plannedMeeting = meeting(triageCase, today.plusDays(7), null);
        heldMeeting = meeting(triageCase, today.minusDays(2), today.minusDays(2));

        // a second coordinator at the school
        User colleague = identityService.newUser(otherCoordinator);
        colleague.setPassword(otherCoordinator);
        identityService.saveUser(colleague);
        identityService.createMembership(otherCoordinator, "coordinator");
        jdbc.update("insert into school_staff (school_id, user_id) values ('lincoln-elementary', ?)", otherCoordinator);

        // a district across the date line from Denver: its today is most hours of the day not Denver's
        jdbc.update(
                "insert into district (id, name, state, time_zone) values (?, 'Guam Department of Education', 'GU', ?)",
                guamDistrict,
                guamZone.getId());
        jdbc.update(
                "insert into school (id, district_id, name) values (?, ?, 'Tamuning Elementary')",
                guamSchool,
                guamDistrict);
        User user = identityService.newUser(guamUser);
        user.setPassword(guamUser);
        identityService.saveUser(user);
        jdbc.update("insert into school_staff (school_id, user_id) values (?, ?)", guamSchool, guamUser);
        String student = UUID.randomUUID().toString();
        jdbc.update(
                "insert into student (id, district_id, local_id, first_name, last_name, date_of_birth)"
                        + " values (?, ?, ?, 'Ana', 'Cruz', ?)",
                student,
                guamDistrict,
                "G-" + suffix,
                Date.valueOf(LocalDate.of(2015, 3, 1)));
        guamCase = UUID.randomUUID().toString();
        jdbc.update(
                "insert into support_case (id, student_id, school_id, status, phase, opened_on, open_student_id, version)"
                        + " values (?, ?, ?, 'OPEN', 'TRIAGE', ?, ?, 0)",
                guamCase,
                student,
                guamSchool,
                Date.valueOf(today),
                student);
        // the service's today is pinned (PinnedToday): Guam's date by the engine's clock, not the machine's
        LocalDate guamToday = LocalDate.ofInstant(
                org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), guamZone);
        guamClock = clock(
                guamCase, "INITIAL_EVALUATION", "CALENDAR_DAYS", guamToday.minusDays(61), guamToday.minusDays(1), null);
    }

    @AfterAll
    void removeWhatWasWrittenStraightIntoTheTables() {
        org.supportplans.SweepRecords.forget(jdbc, guamDistrict);
        jdbc.update("delete from meeting where id in (?, ?)", plannedMeeting, heldMeeting);
        jdbc.update("delete from clock where case_id = ? or case_id = ?", triageCase, guamCase);
        jdbc.update("delete from support_case where id = ?", guamCase);
        jdbc.update("delete from student where district_id = ?", guamDistrict);
        jdbc.update("delete from school_staff where school_id = ?", guamSchool);
        jdbc.update("delete from school where id = ?", guamSchool);
        jdbc.update("delete from district where id = ?", guamDistrict);
        identityService.deleteUser(guamUser);
        jdbc.update("delete from school_staff where user_id = ?", otherCoordinator);
        identityService.deleteMembership(otherCoordinator, "coordinator");
        identityService.deleteUser(otherCoordinator);
    }

    @Test
    void theOpenClocksComeSoonestDueFirstAndUnknownDueDatesLast() {
        List<JsonNode> rows = rows(coordinator, "");

        assertThat(ids(rows))
                .containsExactly(markedOverdue, overdue, extended, schoolDays, evaluation, unknownDue)
                .doesNotContain(met);
        JsonNode consented = row(rows, evaluation);
        assertThat(consented.path("caseId").asText()).isEqualTo(evaluatingCase);
        assertThat(consented.path("studentName").asText()).isEqualTo("Maya Lopez");
        assertThat(consented.path("studentLocalId").asText()).isEqualTo(evaluatingLocalId);
        assertThat(consented.path("schoolId").asText()).isEqualTo("lincoln-elementary");
        assertThat(consented.path("schoolName").asText()).isNotBlank();
        assertThat(consented.path("clock").asText()).isEqualTo("initial-evaluation");
        assertThat(consented.path("clockLabel").asText()).isEqualTo("Initial evaluation and eligibility");
        assertThat(consented.path("legalBasis").asText()).contains("300.301(c)");
        assertThat(consented.path("rule").asText()).startsWith("60 calendar days after consent");
        assertThat(consented.path("startDate").asText()).isEqualTo(today.toString());
        assertThat(consented.path("dueDate").asText())
                .isEqualTo(today.plusDays(60).toString());
        assertThat(consented.path("status").asText()).isEqualTo("RUNNING");

        JsonNode unknown = row(rows, unknownDue);
        assertThat(unknown.path("dueDate").isNull()).isTrue();
        assertThat(unknown.path("daysLeft").isNull()).isTrue();
        assertThat(unknown.path("dueUnknownReason").asText()).contains("2099-2100 is not loaded");
        // the due date that counts is the extension
        assertThat(row(rows, extended).path("dueDate").asText())
                .isEqualTo(today.plusDays(10).toString());
        assertThat(row(rows, extended).path("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aRunningClockPastItsDueDateIsOverdue() {
        JsonNode late = row(rows(coordinator, ""), overdue);

        assertThat(late.path("status").asText()).isEqualTo("OVERDUE");
        assertThat(late.path("daysLeft").asInt()).isEqualTo(-3);

        assertThat(ids(rows(coordinator, "status=OVERDUE"))).containsExactly(markedOverdue, overdue);
        assertThat(ids(rows(coordinator, "status=RUNNING")))
                .containsExactly(extended, schoolDays, evaluation, unknownDue);
        assertThat(ids(rows(coordinator, "status=MET"))).containsExactly(met);
        assertThat(ids(rows(coordinator, "status=MET,OVERDUE"))).containsExactly(markedOverdue, overdue, met);
    }

    @Test
    void daysLeftAreCountedAsTheRuleCounts() {
        List<JsonNode> rows = rows(coordinator, "");

        assertThat(row(rows, evaluation).path("daysLeft").asInt()).isEqualTo(60);
        assertThat(row(rows, extended).path("daysLeft").asInt()).isEqualTo(10);
        assertThat(row(rows, markedOverdue).path("daysLeft").asInt()).isEqualTo(-10);
        // school days by the demo district's calendar, as the calendar API gives it
        JsonNode counted = row(rows, schoolDays).path("daysLeft");
        Integer expected = schoolDaysAfterTodayUpTo(today.plusDays(21));
        if (expected == null) {
            assertThat(counted.isNull())
                    .as("a calendar the count needs is not loaded")
                    .isTrue();
        } else {
            assertThat(counted.asInt()).isEqualTo(expected).isLessThan(21);
        }
    }

    @Test
    void theClockTheSchoolAndTheDaysAheadFilter() {
        assertThat(ids(rows(coordinator, "clock=initial-evaluation"))).containsExactly(evaluation, unknownDue);
        assertThat(ids(rows(coordinator, "dueWithinDays=14"))).containsExactly(markedOverdue, overdue, extended);
        assertThat(ids(rows(coordinator, "dueWithinDays=0"))).containsExactly(markedOverdue, overdue);
        assertThat(ids(rows(coordinator, "school=lincoln-elementary"))).hasSize(6);
        assertThat(ids(rows(coordinator, "school=roosevelt-middle"))).isEmpty();

        Http.Response unknownClock = coordinator.get("/api/deadlines?clock=homework");
        assertThat(unknownClock.status()).isEqualTo(400);
        assertThat(unknownClock.contentType()).startsWith("application/problem+json");
        assertThat(unknownClock.json().path("detail").asText()).contains("initial-evaluation");
        assertThat(coordinator.get("/api/deadlines?status=LATE").status()).isEqualTo(400);
        assertThat(coordinator.get("/api/deadlines?size=501").status()).isEqualTo(400);
    }

    @Test
    void aClockIsOfItsCasesSchool() {
        assertThat(jdbc.queryForObject("select school_id from clock where id = ?", String.class, evaluation))
                .isEqualTo("lincoln-elementary");
        assertThat(jdbc.queryForObject("select school_id from clock where id = ?", String.class, guamClock))
                .isEqualTo(guamSchool);

        // written straight into the table with another school than its case's, a clock is refused
        assertThatThrownBy(() -> jdbc.update("""
                        insert into clock (case_id, school_id, kind, legal_basis, jurisdiction, start_event, start_date,
                                           rule_count, rule_unit, rule_direction, rule_exclusion, rule_text, status,
                                           reminders_sent, version)
                        values (?, 'roosevelt-middle', 'RECORDS_REQUEST', 'a test rule', 'CO', 'TEST', ?, 45,
                                'CALENDAR_DAYS', 'AFTER', 'NONE', '45 calendar days', 'RUNNING', 0, 0)
                        """, triageCase, Date.valueOf(today)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aPageCountsEveryClockOfTheFilter() {
        Http guam = Http.as(port, guamUser);

        // a full first page is counted; the page after it is empty and counted alike
        for (int page = 0; page < 2; page++) {
            Http.Response response = guam.get("/api/deadlines?school=" + guamSchool + "&size=1&page=" + page);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("content")).hasSize(1 - page);
            assertThat(response.json().path("totalElements").asLong()).isOne();
            assertThat(response.json().path("totalPages").asInt()).isOne();
        }
        Http.Response none = guam.get("/api/deadlines?school=" + guamSchool + "&status=MET&size=1");
        assertThat(none.json().path("totalElements").asLong()).isZero();
        assertThat(none.json().path("totalPages").asInt()).isZero();
    }

    @Test
    void theNextStepIsTheOpenTaskOfTheCaseWithItsTasklistLink() {
        List<JsonNode> rows = rows(coordinator, "");

        JsonNode plan = row(rows, evaluation).path("nextStep").get(0);
        assertThat(row(rows, evaluation).path("nextStep")).hasSize(1);
        assertThat(plan.path("name").asText()).isEqualTo("Plan the evaluation");
        assertThat(plan.path("candidateGroups").toString()).isEqualTo("[\"coordinator\"]");
        assertThat(plan.path("assignee").isNull()).isTrue();
        // the task is due when the clock is
        assertThat(plan.path("dueDate").asText()).isEqualTo(today.plusDays(60).toString());
        assertThat(plan.path("tasklistUrl").asText())
                .isEqualTo("/camunda/app/tasklist/default/#/?task="
                        + plan.path("taskId").asText());
        JsonNode triage = row(rows, overdue).path("nextStep").get(0);
        assertThat(triage.path("name").asText()).isEqualTo("Triage the referral");
    }

    @Test
    void theAssigneeFilterFindsTheStepsAUserHoldsOrIsOfferedAtTheirSchools() {
        assertThat(ids(rows(coordinator, "assignee=coordinator")))
                .containsExactly(markedOverdue, overdue, extended, schoolDays, evaluation, unknownDue);
        assertThat(ids(rows(coordinator, "assignee=school-psychologist"))).isEmpty();

        // claimed by the coordinator, the triage is theirs, and no longer offered to the group
        JsonNode triage = Tasks.open(coordinator, triageCase, "Triage the referral");
        Http.Response claimed = coordinator.post(
                "/engine-rest/task/" + triage.path("id").asText() + "/claim", Map.of("userId", "coordinator"));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
        try {
            assertThat(row(rows(coordinator, ""), overdue)
                            .path("nextStep")
                            .get(0)
                            .path("assignee")
                            .asText())
                    .isEqualTo("coordinator");
            assertThat(ids(rows(coordinator, "assignee=coordinator"))).contains(overdue, evaluation);
            // another coordinator of the school is offered what nobody has claimed
            assertThat(ids(rows(coordinator, "assignee=" + otherCoordinator))).containsExactly(evaluation);
        } finally {
            coordinator.post("/engine-rest/task/" + triage.path("id").asText() + "/unclaim", Map.of());
        }
    }

    @Test
    void staffSeeTheClocksOfTheirSchoolsOnlyAndAdministratorsAll() {
        Http guam = Http.as(port, guamUser);

        List<JsonNode> theirs = rows(guam, "");
        assertThat(theirs).extracting(row -> row.path("caseId").asText()).containsOnly(guamCase);
        assertThat(ids(theirs)).containsExactly(guamClock);
        // yesterday in Guam, whatever the date in Denver
        assertThat(theirs.get(0).path("status").asText()).isEqualTo("OVERDUE");
        assertThat(theirs.get(0).path("daysLeft").asInt()).isEqualTo(-1);
        assertThat(ids(rows(coordinator, ""))).doesNotContain(guamClock);
        assertThat(ids(rows(Http.as(port, "demo"), ""))).contains(guamClock, evaluation, overdue);

        assertThat(Http.anonymous(port).get("/api/deadlines").status()).isEqualTo(401);
        assertThat(Http.anonymous(port).get("/api/deadlines.ics").status()).isEqualTo(401);
    }

    @Test
    void theListAndTheCalendarAreTwoEndpoints() {
        Http.Response list = coordinator.get("/api/deadlines?size=1");
        Http.Response calendar = coordinator.get("/api/deadlines.ics");

        assertThat(list.status()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(list.contentType()).isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        assertThat(list.json().path("size").asInt()).isEqualTo(1);
        assertThat(list.json().path("totalElements").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(calendar.status()).isEqualTo(200);
        MediaType calendarType = MediaType.parseMediaType(calendar.contentType());
        assertThat(calendarType.getType() + "/" + calendarType.getSubtype()).isEqualTo("text/calendar");
        assertThat(calendarType.getCharset()).isNotNull();
        assertThat(calendarType.getCharset().name()).isEqualToIgnoringCase("UTF-8");
        assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    }

    @Test
    void theCalendarFeedHasAnAllDayEventPerDueDateAndPlannedMeeting() throws Exception {
        Calendar calendar = parse(coordinator.get("/api/deadlines.ics").body());

        assertThat(calendar.getProperty(Property.PRODID)).isPresent();
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue())
                .isEqualTo("2.0");
        assertThat(calendar.getProperty(Property.CALSCALE).orElseThrow().getValue())
                .isEqualTo("GREGORIAN");
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("PUBLISH");
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isNotBlank();
        ValidationResult validation = calendar.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();

        Map<String, VEvent> events = events(calendar);
        // the open clocks with a known due date, on that date; the met and the unknown ones are not there
        Map<Long, LocalDate> dues = Map.of(
                markedOverdue, today.minusDays(10),
                overdue, today.minusDays(3),
                extended, today.plusDays(10),
                schoolDays, today.plusDays(21),
                evaluation, today.plusDays(60));
        dues.forEach((clockId, due) -> {
            VEvent event = events.get("clock-" + clockId + "@support-plans");
            assertThat(event).as("clock " + clockId).isNotNull();
            assertThat(event.getDateTimeStart().getDate()).isEqualTo(due);
            assertThat(event.getDateTimeEnd().getDate()).isEqualTo(due.plusDays(1));
            assertThat(event.getProperty(Property.DTSTART).orElseThrow().toString())
                    .contains("VALUE=DATE");
        });
        assertThat(events)
                .doesNotContainKeys("clock-" + met + "@support-plans", "clock-" + unknownDue + "@support-plans");

        VEvent evaluationDue = events.get("clock-" + evaluation + "@support-plans");
        String summary = evaluationDue.getSummary().getValue();
        assertThat(summary).isEqualTo("Due: Initial evaluation and eligibility — " + evaluatingLocalId + " (M.L.)");
        String description = evaluationDue.getDescription().getValue();
        assertThat(description).contains("60 calendar days after consent").contains("/api/cases/" + evaluatingCase);
        // the feed leaves our system: no student's name
        assertThat(calendar.toString()).doesNotContain("Maya").doesNotContain("Lopez");

        VEvent meeting = events.get("meeting-" + plannedMeeting + "@support-plans");
        assertThat(meeting).isNotNull();
        assertThat(meeting.getDateTimeStart().getDate()).isEqualTo(today.plusDays(7));
        assertThat(meeting.getDateTimeEnd().getDate()).isEqualTo(today.plusDays(8));
        assertThat(meeting.getLocation().getValue()).isEqualTo("Room 12");
        assertThat(events).doesNotContainKey("meeting-" + heldMeeting + "@support-plans");
        assertThat(events).doesNotContainKey("clock-" + guamClock + "@support-plans");
    }

    @Test
    void theCalendarFeedTakesTheListsFilters() throws Exception {
        Map<String, VEvent> events = events(parse(
                coordinator.get("/api/deadlines.ics?clock=initial-evaluation").body()));

        assertThat(events).containsKey("clock-" + evaluation + "@support-plans");
        assertThat(events.keySet().stream().filter(uid -> uid.startsWith("clock-")))
                .allSatisfy(uid -> assertThat(jdbc.queryForObject(
                                "select kind from clock where id = ?",
                                String.class,
                                Long.parseLong(uid.substring("clock-".length(), uid.indexOf('@')))))
                        .isEqualTo("INITIAL_EVALUATION"));
        assertThat(events(parse(Http.as(port, guamUser)
                                .get("/api/deadlines.ics")
                                .body()))
                        .keySet())
                .containsExactly("clock-" + guamClock + "@support-plans");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private String refer(String localId) {
        Http.Response referred = coordinator.post("/api/referrals", Referrals.of(localId));
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        return referred.json().path("caseId").asText();
    }

    private long clock(String caseId, String kind, String unit, LocalDate start, LocalDate due, String unknownReason) {
        jdbc.update(
                """
                insert into clock (case_id, school_id, kind, legal_basis, jurisdiction, start_event, start_date,
                                   rule_count, rule_unit, rule_direction, rule_exclusion, rule_text, due_date,
                                   due_unknown_reason, status, reminders_sent, version)
                select id, school_id, ?, 'a test rule', 'CO', 'TEST', ?, 10, ?, 'AFTER', 'NONE', ?, ?, ?, 'RUNNING', 0, 0
                from support_case where id = ?
                """,
                kind,
                Date.valueOf(start),
                unit,
                "10 " + unit.toLowerCase().replace('_', ' ') + " after the test",
                due == null ? null : Date.valueOf(due),
                unknownReason,
                caseId);
        return jdbc.queryForObject("select max(id) from clock where case_id = ?", Long.class, caseId);
    }

    private long meeting(String caseId, LocalDate on, LocalDate heldOn) {
        jdbc.update(
                "insert into meeting (case_id, purpose, scheduled_on, location, held_on) values (?, 'PLAN', ?, 'Room 12', ?)",
                caseId,
                Date.valueOf(on),
                heldOn == null ? null : Date.valueOf(heldOn));
        return jdbc.queryForObject("select max(id) from meeting where case_id = ?", Long.class, caseId);
    }

    /** The rows of this test's cases, every page read, in the order the API gives them. */
    private List<JsonNode> rows(Http staff, String query) {
        Set<String> ours = Set.of(evaluatingCase, triageCase, guamCase);
        List<JsonNode> rows = new ArrayList<>();
        int page = 0;
        int pages;
        do {
            Http.Response response = staff.get("/api/deadlines?size=500&page=" + page + "&" + query);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            response.json().path("content").forEach(row -> {
                if (ours.contains(row.path("caseId").asText())) {
                    rows.add(row);
                }
            });
            pages = response.json().path("totalPages").asInt();
        } while (++page < pages);
        return rows;
    }

    private static List<Long> ids(List<JsonNode> rows) {
        return rows.stream().map(row -> row.path("clockId").asLong()).toList();
    }

    private static JsonNode row(List<JsonNode> rows, long clockId) {
        return rows.stream()
                .filter(row -> row.path("clockId").asLong() == clockId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row of clock " + clockId + " in " + rows));
    }

    /**
     * School days after today up to the day, by the demo district's calendars as the calendar API gives
     * them; null when a school year the count needs is not loaded.
     */
    private Integer schoolDaysAfterTodayUpTo(LocalDate last) {
        Map<String, JsonNode> years = new java.util.HashMap<>();
        int days = 0;
        for (LocalDate day = today.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            String year = SchoolYearCalendar.schoolYearOf(day);
            JsonNode calendar = years.computeIfAbsent(
                    year,
                    y -> coordinator
                            .get("/api/districts/demo-district/calendars/" + y)
                            .json());
            if (!calendar.has("firstDay")) {
                return null;
            }
            LocalDate d = day;
            boolean noSchool = d.getDayOfWeek() == DayOfWeek.SATURDAY
                    || d.getDayOfWeek() == DayOfWeek.SUNDAY
                    || d.isBefore(LocalDate.parse(calendar.path("firstDay").asText()))
                    || d.isAfter(LocalDate.parse(calendar.path("lastDay").asText()));
            for (JsonNode off : calendar.path("noSchool")) {
                LocalDate from = LocalDate.parse(
                        off.has("date")
                                ? off.path("date").asText()
                                : off.path("from").asText());
                LocalDate to = LocalDate.parse(
                        off.has("date")
                                ? off.path("date").asText()
                                : off.path("to").asText());
                noSchool |= !d.isBefore(from) && !d.isAfter(to);
            }
            if (!noSchool) {
                days++;
            }
        }
        return days;
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static Map<String, VEvent> events(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(event -> event.getUid().orElseThrow().getValue(), event -> event));
    }
}
