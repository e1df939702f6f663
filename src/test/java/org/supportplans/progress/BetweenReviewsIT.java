package org.supportplans.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.Http;
import org.supportplans.IepInEffect;
import org.supportplans.PinnedToday;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;

/**
 * A case in effect followed through its first weeks on PostgreSQL: its goals measured and their data, its services'
 * sessions logged, and the minutes owed worked by hand against the demo district's 2026-2027 calendar (Friday 25
 * September 2026 a teacher planning day, no school).
 *
 * <p>The IEP starts on Wednesday 16 September 2026 (a mid-week start); speech-language therapy 30 minutes WEEKLY,
 * specialized reading instruction 20 minutes DAILY. From Monday 14 to Friday 25 September:
 *
 * <ul>
 *   <li>speech, week of the 14th: Wednesday to Friday, 3 x 30/5 = 18 prescribed, 15 delivered, 3 owed; week of the
 *       21st: four school days, 4 x 6 = 24 prescribed, 20 delivered, 4 owed; the period 42 - 35 = 7 owed;
 *   <li>reading, week of the 14th: 3 x 20 = 60 prescribed; 20 delivered on the 16th, the 17th missed (student
 *       absent: excused), the 18th missed (provider absent: owed): 20 owed; week of the 21st: 4 x 20 = 80
 *       prescribed, 20 a day on the 21st, 22nd and 23rd plus a 20-minute make-up on the 22nd = 80 delivered, the
 *       24th missed (school closed by snow: excused), nothing owed; the period: 140 - 100 - 40 = 0 owed (the make-up
 *       paid back the provider's absence).
 * </ul>
 */
@PostgresIntegrationTest
@ExtendWith(PinnedToday.class)
class BetweenReviewsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProgressReports reports;

    /** A case whose IEP ({@link IepInEffect}, with a reading and a writing goal) is in effect from 16 September 2026. */
    private String aCaseInEffect() {
        return IepInEffect.of(port, Referrals.of(Referrals.newStudentId()), IepInEffect.READING_AND_WRITING);
    }

    @Test
    void goalsDataSessionsAndTheMinutesOwedOfACaseInEffect() {
        Http coordinator = Http.as(port, "coordinator");
        Http slp = Http.as(port, "speech-language-pathologist");
        Http teacher = Http.as(port, "special-education-teacher");
        String caseId = aCaseInEffect();
        PinnedToday.moveTo(LocalDate.of(2026, 10, 1));

        // the goals of the IEP in effect: one a line of its annual goals
        JsonNode goals = coordinator.get("/api/cases/" + caseId + "/goals").json();
        assertThat(goals).hasSize(2);
        String fluency = goals.get(0).path("id").asText();
        long planId = goals.get(0).path("planId").asLong();
        assertThat(fluency).isEqualTo(planId + ".1");
        assertThat(goals.get(1).path("goal").asText()).startsWith("Writes a five-sentence paragraph");
        assertThat(goals.get(0).hasNonNull("measurement")).isFalse();

        // no data before the goal's measurement is set
        Http.Response early = slp.post(
                "/api/cases/" + caseId + "/goals/" + fluency + "/data-points",
                Map.of("measuredOn", "2026-09-30", "value", 42));
        assertThat(early.status()).as(early.body()).isEqualTo(409);

        Http.Response measured = coordinator.put(
                "/api/cases/" + caseId + "/goals/" + fluency + "/measurement",
                Map.of(
                        "baseline", 40,
                        "target", 60,
                        "unit", "words correct per minute",
                        "measuredHow", "One-minute oral reading fluency probe, second-grade passages",
                        "measuredEvery", "WEEKLY",
                        "providerRole", "special-education-teacher"));
        assertThat(measured.status()).as(measured.body()).isEqualTo(200);
        Http.Response again = coordinator.put(
                "/api/cases/" + caseId + "/goals/" + fluency + "/measurement",
                Map.of(
                        "baseline", 30,
                        "target", 60,
                        "unit", "words correct per minute",
                        "measuredHow", "probe",
                        "measuredEvery", "WEEKLY",
                        "providerRole", "special-education-teacher"));
        assertThat(again.status()).as("a version's goal is measured once").isEqualTo(409);

        // the speech-language pathologist is not the goal's provider
        assertThat(slp.post(
                                "/api/cases/" + caseId + "/goals/" + fluency + "/data-points",
                                Map.of("measuredOn", "2026-09-30", "value", 42))
                        .status())
                .isEqualTo(403);
        // refused and nothing saved: a day after today, a day before the IEP, no value
        int before = count("goal_data_point", caseId);
        assertThat(teacher.post(
                                "/api/cases/" + caseId + "/goals/" + fluency + "/data-points",
                                Map.of("measuredOn", "2026-10-02", "value", 42))
                        .status())
                .isEqualTo(400);
        assertThat(teacher.post(
                                "/api/cases/" + caseId + "/goals/" + fluency + "/data-points",
                                Map.of("measuredOn", "2026-09-15", "value", 42))
                        .status())
                .isEqualTo(400);
        Http.Response noValue = teacher.post(
                "/api/cases/" + caseId + "/goals/" + fluency + "/data-points", Map.of("measuredOn", "2026-09-30"));
        assertThat(noValue.status()).isEqualTo(400);
        assertThat(noValue.contentType()).startsWith("application/problem+json");
        assertThat(count("goal_data_point", caseId)).isEqualTo(before);

        Http.Response point = teacher.post(
                "/api/cases/" + caseId + "/goals/" + fluency + "/data-points",
                Map.of("measuredOn", "2026-10-01", "value", 42, "note", "Second-grade passage B"));
        assertThat(point.status()).as(point.body()).isEqualTo(201);

        // on track: 15 days of the IEP's 287 (16 Sep 2026 to 30 Jun 2027): 40 + 20 x 15/287 = 41.05 expected, 42 read
        JsonNode withData =
                coordinator.get("/api/cases/" + caseId + "/goals").json().get(0);
        assertThat(withData.path("dataPoints")).hasSize(1);
        assertThat(withData.path("progress").path("expected").decimalValue()).isEqualByComparingTo("41.05");
        assertThat(withData.path("progress").path("latest").decimalValue()).isEqualByComparingTo("42");
        assertThat(withData.path("progress").path("onTrack").asBoolean()).isTrue();

        // the sessions
        JsonNode services = coordinator
                .get("/api/cases/" + caseId + "/plans/" + planId)
                .json()
                .path("services");
        assertThat(services).hasSize(2);
        String speech = planId + ".1";
        String reading = planId + ".2";
        List<Object[]> sessions = List.of(
                new Object[] {slp, speech, delivered("2026-09-17", 15)},
                new Object[] {slp, speech, delivered("2026-09-23", 20)},
                new Object[] {teacher, reading, delivered("2026-09-16", 20)},
                new Object[] {teacher, reading, missed("2026-09-17", "STUDENT_ABSENT")},
                new Object[] {teacher, reading, missed("2026-09-18", "PROVIDER_ABSENT")},
                new Object[] {teacher, reading, delivered("2026-09-21", 20)},
                new Object[] {teacher, reading, delivered("2026-09-22", 20)},
                new Object[] {
                    teacher, reading, Map.of("date", "2026-09-22", "minutes", 20, "status", "DELIVERED", "makeUp", true)
                },
                new Object[] {teacher, reading, delivered("2026-09-23", 20)},
                new Object[] {teacher, reading, missed("2026-09-24", "SCHOOL_CLOSED")});
        for (Object[] session : sessions) {
            Http.Response logged = ((Http) session[0])
                    .post("/api/cases/" + caseId + "/services/" + session[1] + "/sessions", session[2]);
            assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        }

        // refused, nothing saved: missed without a reason, a make-up missed, a day before the service, the wrong
        // provider, an unknown service
        int sessionsBefore = count("service_session", caseId);
        String readingSessions = "/api/cases/" + caseId + "/services/" + reading + "/sessions";
        assertThat(teacher.post(readingSessions, Map.of("date", "2026-09-29", "minutes", 20, "status", "MISSED"))
                        .status())
                .isEqualTo(400);
        assertThat(teacher.post(
                                readingSessions,
                                Map.of(
                                        "date",
                                        "2026-09-29",
                                        "minutes",
                                        20,
                                        "status",
                                        "MISSED",
                                        "missedReason",
                                        "OTHER",
                                        "makeUp",
                                        true))
                        .status())
                .isEqualTo(400);
        assertThat(teacher.post(readingSessions, delivered("2026-09-15", 20)).status())
                .isEqualTo(400);
        assertThat(teacher.post(readingSessions, delivered("2026-09-29", 0)).status())
                .isEqualTo(400);
        assertThat(teacher.post(readingSessions, Map.of("date", "2026-09-29", "minutes", 20, "status", "LATE"))
                        .status())
                .isEqualTo(400);
        assertThat(slp.post(readingSessions, delivered("2026-09-29", 20)).status())
                .isEqualTo(403);
        assertThat(teacher.post(
                                "/api/cases/" + caseId + "/services/" + planId + ".9/sessions",
                                delivered("2026-09-29", 20))
                        .status())
                .isEqualTo(404);
        assertThat(count("service_session", caseId)).isEqualTo(sessionsBefore);

        // the minutes owed, worked by hand (above)
        String owedPath = "/api/reports/services-owed?school=lincoln-elementary&from=2026-09-14&to=2026-09-25";
        Http.Response owed = coordinator.get(owedPath);
        assertThat(owed.status()).as(owed.body()).isEqualTo(200);
        JsonNode speechRow = row(owed.json(), speech);
        assertThat(figures(speechRow)).containsExactly(42, 35, 0, 0, 7);
        assertThat(weeks(speechRow))
                .containsExactly(List.of("2026-09-14", 18, 15, 0, 0, 3), List.of("2026-09-21", 24, 20, 0, 0, 4));
        JsonNode readingRow = row(owed.json(), reading);
        assertThat(figures(readingRow)).containsExactly(140, 100, 20, 40, 0);
        assertThat(weeks(readingRow))
                .containsExactly(List.of("2026-09-14", 60, 20, 0, 20, 20), List.of("2026-09-21", 80, 80, 20, 20, 0));
        assertThat(speechRow.path("studentLocalId").asText()).isNotBlank();
        // without the weeks: the same figures, no weeks
        JsonNode withoutWeeks = coordinator.get(owedPath + "&weeks=false").json();
        assertThat(figures(row(withoutWeeks, speech))).containsExactly(42, 35, 0, 0, 7);
        assertThat(figures(row(withoutWeeks, reading))).containsExactly(140, 100, 20, 40, 0);
        assertThat(row(withoutWeeks, reading).has("weeks")).isFalse();
        assertThat(withoutWeeks.path("totals")).isEqualTo(owed.json().path("totals"));

        // the minutes delivered kept per service and week with each session (V18_1): the reading service's week of
        // 14 September, 20 minutes (the 16th); of 21 September, 20 + 20 + 20 (a make-up) + 20 = 80, 20 made up
        assertThat(jdbc.query(
                        "select week_of, delivered, made_up, first_day, last_day from service_minutes_week"
                                + " where plan_id = ? and service_number = 2 order by week_of",
                        (rs, i) -> List.<Object>of(
                                rs.getDate(1).toString(),
                                rs.getInt(2),
                                rs.getInt(3),
                                rs.getDate(4).toString(),
                                rs.getDate(5).toString()),
                        planId))
                .containsExactly(
                        List.of("2026-09-14", 20, 0, "2026-09-16", "2026-09-16"),
                        List.of("2026-09-21", 80, 20, "2026-09-21", "2026-09-23"));
        // to Sunday the 27th: both weeks read from those sums alone (the 26th and 27th are a weekend: the same
        // figures); from Wednesday the 16th: its first days from the sessions, the same figures too (the services
        // start on the 16th)
        for (String period : List.of("from=2026-09-14&to=2026-09-27", "from=2026-09-16&to=2026-09-27")) {
            JsonNode whole = coordinator
                    .get("/api/reports/services-owed?school=lincoln-elementary&" + period)
                    .json();
            assertThat(figures(row(whole, speech))).as(period).containsExactly(42, 35, 0, 0, 7);
            assertThat(weeks(row(whole, speech))).as(period).isEqualTo(weeks(speechRow));
            assertThat(figures(row(whole, reading))).as(period).containsExactly(140, 100, 20, 40, 0);
            assertThat(weeks(row(whole, reading))).as(period).isEqualTo(weeks(readingRow));
        }
        // a page of one row: every row counted and in the totals, the page's row with its weeks, as in the whole
        JsonNode everyRow = owed.json();
        int rowCount = everyRow.path("rows").size();
        assertThat(everyRow.path("rowCount").asInt()).isEqualTo(rowCount);
        for (int page = 0; page < rowCount; page++) {
            JsonNode onePage =
                    coordinator.get(owedPath + "&size=1&page=" + page).json();
            assertThat(onePage.path("rowCount").asInt()).isEqualTo(rowCount);
            assertThat(onePage.path("page").asInt()).isEqualTo(page);
            assertThat(onePage.path("totals")).isEqualTo(everyRow.path("totals"));
            assertThat(onePage.path("rows"))
                    .containsExactly(everyRow.path("rows").get(page));
        }
        assertThat(coordinator.get(owedPath + "&size=1&page=" + rowCount).json().path("rows"))
                .isEmpty();

        // one provider's services; CSV, one row per service, or per service and week
        JsonNode slpOnly = coordinator
                .get(owedPath + "&providerRole=speech-language-pathologist")
                .json();
        assertThat(slpOnly.path("rows").findValuesAsText("serviceId"))
                .contains(speech)
                .doesNotContain(reading);
        Http.Response csv = coordinator.get(owedPath, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow())
                .isEqualTo("caseId,studentLocalId,serviceId,planVersion,service,providerRole,minutes,frequency,"
                        + "startsOn,endsOn,prescribed,delivered,madeUp,excused,owed");
        assertThat(csv.body())
                .contains(speech + ",1,Speech-language therapy,speech-language-pathologist,30,WEEKLY,"
                        + "2026-09-16,2027-06-30,42,35,0,0,7");
        Http.Response weekCsv = coordinator.get(owedPath + "&rows=week", "text/csv");
        assertThat(weekCsv.body())
                .contains(reading
                        + ",Specialized reading instruction,special-education-teacher,2026-09-14,60,20,0,20,20");

        // bad filters: problem+json
        for (String bad : List.of(
                "/api/reports/services-owed?school=lincoln-elementary&from=2026-09-25&to=2026-09-14",
                "/api/reports/services-owed?school=lincoln-elementary&from=2026-13-01&to=2026-09-14",
                "/api/reports/services-owed?from=2026-09-14&to=2026-09-25",
                "/api/reports/services-owed?school=lincoln-elementary&from=2025-09-14&to=2026-09-25",
                owedPath + "&providerRole=wizard")) {
            Http.Response refused = coordinator.get(bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(coordinator
                        .get("/api/reports/services-owed?school=nowhere&from=2026-09-14&to=2026-09-25")
                        .status())
                .isEqualTo(404);

        // the reads and the changes of the student's record audited, by case
        Tasks.await(
                "the goals' reads audited",
                () -> jdbc.queryForObject(
                                "select count(*) from audit_event e join audit_event_case c on c.event_id = e.id"
                                        + " where c.case_id = ? and e.resource = 'GOALS' and e.action = 'READ'",
                                Integer.class,
                                caseId)
                        >= 2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event e join audit_event_case c on c.event_id = e.id"
                                + " where c.case_id = ? and e.resource = 'SESSION' and e.status = 201",
                        Integer.class,
                        caseId))
                .isEqualTo(sessions.size());
    }

    /**
     * The district's quarters (Quarter 1 ends Friday 16 October 2026, Quarter 2 Friday 18 December), reports due 5
     * school days after: Quarter 1's on Tuesday 27 October (19, 20, 21 October, fall break on the 22nd and 23rd, 26,
     * 27), Quarter 2's on Monday 11 January 2027 (winter break to 1 January, a planning day on the 4th; 5, 6, 7, 8,
     * 11). The writing goal is below its line in both (1 of 5 probes against 1.16 and 1.60 expected: 1 + 3 x 15/287
     * and 1 + 3 x 85/287): after the second report the team is asked to consider reviewing the IEP.
     */
    @Test
    void aProgressReportEachPeriodLockedAndSentAndAReviewAfterAGoalOffTrackTwice() throws Exception {
        Http coordinator = Http.as(port, "coordinator");
        Http teacher = Http.as(port, "special-education-teacher");
        Http districtAdmin = Http.as(port, "district-admin");
        String caseId = aCaseInEffect();
        try {
            Http.Response notASchoolDay = districtAdmin.put(
                    "/api/districts/demo-district/reporting-periods/2026-2027",
                    Map.of(
                            "reportDueSchoolDays",
                            5,
                            "periods",
                            List.of(Map.of("name", "Quarter 1", "endsOn", "2026-10-23"))));
            assertThat(notASchoolDay.status()).as("the 23rd is fall break").isEqualTo(400);
            assertThat(coordinator
                            .put(
                                    "/api/districts/demo-district/reporting-periods/2026-2027",
                                    Map.of(
                                            "reportDueSchoolDays",
                                            5,
                                            "periods",
                                            List.of(Map.of("name", "Quarter 1", "endsOn", "2026-10-16"))))
                            .status())
                    .as("district administrators set the periods")
                    .isEqualTo(403);
            Http.Response quarters = districtAdmin.put(
                    "/api/districts/demo-district/reporting-periods/2026-2027",
                    Map.of(
                            "reportDueSchoolDays",
                            5,
                            "periods",
                            List.of(
                                    Map.of("name", "Quarter 1", "endsOn", "2026-10-16"),
                                    Map.of("name", "Quarter 2", "endsOn", "2026-12-18"))));
            assertThat(quarters.status()).as(quarters.body()).isEqualTo(200);

            PinnedToday.moveTo(LocalDate.of(2026, 10, 1));
            List<String> goals = IepInEffect.readingAndWritingMeasured(coordinator, caseId);
            String reading = goals.get(0);
            String writing = goals.get(1);
            IepInEffect.dataPoint(teacher, caseId, reading, "2026-10-01", 42);
            IepInEffect.dataPoint(teacher, caseId, writing, "2026-10-01", 1);

            // Quarter 1 ended: the report opens on the Monday after, due on the 27th
            PinnedToday.moveTo(LocalDate.of(2026, 10, 19));
            assertThat(reports.openDue()).isGreaterThanOrEqualTo(1);
            assertThat(reports.openDue()).as("once per case and period").isZero();
            JsonNode first = Tasks.open(teacher, caseId, "Write the progress report");
            assertThat(dueDay(first)).isEqualTo("2026-10-27");
            JsonNode prefilled = teacher.get(
                            "/engine-rest/task/" + first.path("id").asText() + "/variables")
                    .json();
            assertThat(prefilled.path("goalsSummary").path("value").asText())
                    .contains("Goal 1: baseline 40, target 60 words correct per minute. Latest 42 on 2026-10-01;"
                            + " the line from baseline to target expects 41.05 that day: on track")
                    .contains("Latest 1 on 2026-10-01; the line from baseline to target expects 1.16 that day:"
                            + " not on track");
            Http.Response tooShort = Tasks.complete(teacher, first, Map.of("progressComments", "Fine."));
            assertThat(tooShort.status())
                    .as("the form's rule, checked on the server")
                    .isEqualTo(400);
            // a measurement written on the form, from Tasklist: after the period's end it is refused, nothing saved
            int points = count("goal_data_point", caseId);
            Http.Response late = Tasks.complete(
                    teacher,
                    first,
                    Map.of(
                            "progressComments",
                            "Reading is on track; writing needs more modelling.",
                            "newDataPoints",
                            List.of(Map.of("goal", 1, "measuredOn", "2026-10-19", "value", 44))));
            assertThat(late.status()).isEqualTo(400);
            assertThat(late.body()).contains("after the period's end (2026-10-16)");
            assertThat(count("goal_data_point", caseId)).isEqualTo(points);
            // within the period: recorded on goal 1 and locked in the report, 15 October, 29 days of 287:
            // 40 + 20 x 29/287 = 42.02 expected, 44 measured
            Tasks.done(
                    teacher,
                    caseId,
                    "Write the progress report",
                    Map.of(
                            "progressComments",
                            "Reading is on track; writing needs more modelling.",
                            "newDataPoints",
                            List.of(Map.of(
                                    "goal", 1, "measuredOn", "2026-10-15", "value", 44.5, "note", "Passage C"))));
            assertThat(count("goal_data_point", caseId)).isEqualTo(points + 1);
            assertThat(jdbc.queryForMap(
                            "select g.latest, g.latest_on, g.expected from progress_report_goal g"
                                    + " join progress_report r on r.id = g.report_id"
                                    + " where r.case_id = ? and g.goal_number = 1",
                            caseId))
                    .containsEntry("latest_on", java.sql.Date.valueOf("2026-10-15"))
                    .hasEntrySatisfying(
                            "latest", v -> assertThat((java.math.BigDecimal) v).isEqualByComparingTo("44.5"))
                    .hasEntrySatisfying(
                            "expected",
                            v -> assertThat((java.math.BigDecimal) v).isEqualByComparingTo("42.02"));
            assertThat(Tasks.all(teacher, caseId))
                    .noneMatch(task -> task.path("name").asText().equals("Consider reviewing the IEP"));
            String q1 = progressReportText(caseId, 1);
            assertThat(q1).contains("Reporting period: Quarter 1").contains("Your child is on track");
            assertThat(q1).contains("not on track yet").contains("Reading is on track; writing needs more");

            // Quarter 2: the writing goal still below its line
            PinnedToday.moveTo(LocalDate.of(2026, 12, 10));
            IepInEffect.dataPoint(teacher, caseId, writing, "2026-12-10", 1);
            IepInEffect.dataPoint(teacher, caseId, reading, "2026-12-10", 47);
            PinnedToday.moveTo(LocalDate.of(2026, 12, 21));
            reports.openDue();
            JsonNode second = Tasks.open(teacher, caseId, "Write the progress report");
            assertThat(dueDay(second)).isEqualTo("2027-01-11");
            Tasks.done(
                    teacher,
                    caseId,
                    "Write the progress report",
                    Map.of("progressComments", "Writing has not moved in two quarters; reading is on track."));
            Tasks.done(
                    coordinator,
                    caseId,
                    "Consider reviewing the IEP",
                    Map.of("reviewDecision", "REVIEW_IEP", "reviewReason", "Two quarters below the line in writing."));
            assertThat(progressReportText(caseId, 2)).contains("Reporting period: Quarter 2");
            assertThat(jdbc.queryForObject(
                            "select count(*) from progress_report where case_id = ? and status = 'FINAL'",
                            Integer.class,
                            caseId))
                    .isEqualTo(2);
        } finally {
            jdbc.update("delete from reporting_period where district_id = 'demo-district'");
            jdbc.update("delete from progress_reporting_rule where district_id = 'demo-district'");
        }
    }

    /** The task's due day in the demo district (the engine REST API answers in UTC). */
    private static String dueDay(JsonNode task) {
        return java.time.OffsetDateTime.parse(
                        task.path("due").asText(),
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
                .atZoneSameInstant(Referrals.DEMO_ZONE)
                .toLocalDate()
                .toString();
    }

    /** The text of the case's sealed progress report of that version (1 for the first period's). */
    private String progressReportText(String caseId, int nth) throws java.io.IOException {
        List<byte[]> pdfs = jdbc.query(
                "select content from family_document where case_id = ? and kind = 'PROGRESS_REPORT' order by id",
                (rs, i) -> rs.getBytes(1),
                caseId);
        assertThat(pdfs).hasSizeGreaterThanOrEqualTo(nth);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdfs.get(nth - 1))) {
            return new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", " ");
        }
    }

    /**
     * Medicaid readiness as data (34 CFR 300.154(d)). The parents refuse on 15 September, give their written consent on
     * the 21st (300.154(d)(2)(iv)) and withdraw it on the 24th (300.154(d)(2)(v)(C)); the school sends the written
     * notification on the 21st (300.154(d)(2)(v)): the medicaid-notice clock is due a year later, 21 September 2027.
     * Sessions are delivered on the 16th (refused), the 22nd and 23rd (in force) and the 28th (withdrawn): every one
     * is accepted (services never depend on the consent, 300.154(d)(2)(v)(D)), and the billing export holds the three
     * of the 22nd and 23rd only.
     */
    @Test
    void medicaidReadinessTheParentsConsentTheYearlyNoticeAndTheBillingExport() {
        Http coordinator = Http.as(port, "coordinator");
        Http districtAdmin = Http.as(port, "district-admin");
        Http teacher = Http.as(port, "special-education-teacher");
        Http slp = Http.as(port, "speech-language-pathologist");
        String caseId = aCaseInEffect();
        PinnedToday.moveTo(LocalDate.of(2026, 10, 1));
        long planId = IepInEffect.planId(coordinator, caseId);
        String speech = planId + ".1";
        String reading = planId + ".2";
        String benefits = "/api/cases/" + caseId + "/public-benefits";
        assertThat(coordinator.get(benefits).json().path("consent").asText()).isEqualTo("NONE");

        assertThat(coordinator
                        .post(benefits + "/consent", Map.of("decision", "REFUSED", "date", "2026-09-15"))
                        .status())
                .isEqualTo(201);
        logged(teacher, caseId, reading, delivered("2026-09-16", 20));
        assertThat(coordinator
                        .post(benefits + "/consent", Map.of("decision", "WITHDRAWN", "date", "2026-09-18"))
                        .status())
                .as("nothing in force to withdraw")
                .isEqualTo(409);
        assertThat(teacher.post(benefits + "/consent", Map.of("decision", "GIVEN", "date", "2026-09-21"))
                        .status())
                .as("coordinators and district administrators record it")
                .isEqualTo(403);
        Http.Response given = coordinator.post(
                benefits + "/consent",
                Map.of("decision", "GIVEN", "date", "2026-09-21", "note", "Signed form returned in the folder."));
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        assertThat(coordinator
                        .post(benefits + "/consent", Map.of("decision", "GIVEN", "date", "2026-09-22"))
                        .status())
                .as("given once")
                .isEqualTo(409);
        Http.Response notice = coordinator.post(benefits + "/notices", Map.of("sentOn", "2026-09-21"));
        assertThat(notice.status()).as(notice.body()).isEqualTo(201);
        JsonNode inForce = coordinator.get(benefits).json();
        assertThat(inForce.path("consent").asText()).isEqualTo("GIVEN");
        assertThat(inForce.path("consentSince").asText()).isEqualTo("2026-09-21");
        assertThat(inForce.path("nextNoticeDue").asText()).isEqualTo("2027-09-21");
        assertThat(jdbc.queryForObject(
                        "select due_date from clock where case_id = ? and kind = 'MEDICAID_NOTICE' and status = 'RUNNING'",
                        LocalDate.class,
                        caseId))
                .isEqualTo(LocalDate.of(2027, 9, 21));
        assertThat(coordinator
                        .post(benefits + "/notices", Map.of("sentOn", "2026-09-20"))
                        .status())
                .as("not after the last notice")
                .isEqualTo(400);

        logged(teacher, caseId, reading, delivered("2026-09-22", 20));
        logged(teacher, caseId, reading, delivered("2026-09-23", 20));
        logged(slp, caseId, speech, delivered("2026-09-23", 30));
        logged(teacher, caseId, reading, missed("2026-09-24", "STUDENT_ABSENT"));
        assertThat(coordinator
                        .post(benefits + "/consent", Map.of("decision", "WITHDRAWN", "date", "2026-09-24"))
                        .status())
                .isEqualTo(201);
        logged(teacher, caseId, reading, delivered("2026-09-28", 20));

        String export = "/api/reports/medicaid-sessions?school=lincoln-elementary&from=2026-09-14&to=2026-09-30";
        assertThat(coordinator.get(export).status())
                .as("district administrators only")
                .isEqualTo(403);
        List<JsonNode> rows = new ArrayList<>();
        districtAdmin.get(export).json().forEach(row -> {
            if (row.path("caseId").asText().equals(caseId)) {
                rows.add(row);
            }
        });
        assertThat(rows)
                .extracting(row -> row.path("sessionDate").asText() + " "
                        + row.path("serviceId").asText())
                .containsExactly("2026-09-22 " + reading, "2026-09-23 " + reading, "2026-09-23 " + speech);
        String localId = jdbc.queryForObject(
                "select st.local_id from student st join support_case c on c.student_id = st.id where c.id = ?",
                String.class,
                caseId);
        Http.Response csv = districtAdmin.get(export, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("caseId,studentLocalId,dateOfBirth,serviceId,service,providerId,providerCredential,"
                        + "sessionDate,minutes,makeUp,consentGivenOn,lastNoticeOn\r\n")
                .contains(caseId + "," + localId + ",2016-04-02," + speech + ",Speech-language therapy,"
                        + "speech-language-pathologist,speech-language-pathologist,2026-09-23,30,false,2026-09-21,"
                        + "2026-09-21\r\n");
        Tasks.await(
                "the export audited with the case",
                () -> jdbc.queryForObject(
                                "select count(*) from audit_event e join audit_event_case c on c.event_id = e.id"
                                        + " where c.case_id = ? and e.resource = 'BILLING_EXPORT'",
                                Integer.class,
                                caseId)
                        >= 2);
    }

    private static void logged(Http staff, String caseId, String serviceId, Map<String, Object> session) {
        Http.Response logged = staff.post("/api/cases/" + caseId + "/services/" + serviceId + "/sessions", session);
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
    }

    private int count(String table, String caseId) {
        return jdbc.queryForObject("select count(*) from " + table + " where case_id = ?", Integer.class, caseId);
    }

    private static Map<String, Object> delivered(String on, int minutes) {
        return Map.of("date", on, "minutes", minutes, "status", "DELIVERED");
    }

    private static Map<String, Object> missed(String on, String reason) {
        return Map.of("date", on, "minutes", 20, "status", "MISSED", "missedReason", reason);
    }

    private static JsonNode row(JsonNode report, String serviceId) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("serviceId").asText().equals(serviceId)) {
                return row;
            }
        }
        throw new AssertionError("no row for service " + serviceId + " in " + report);
    }

    private static List<Integer> figures(JsonNode row) {
        return List.of(
                row.path("prescribed").asInt(),
                row.path("delivered").asInt(),
                row.path("madeUp").asInt(),
                row.path("excused").asInt(),
                row.path("owed").asInt());
    }

    private static List<List<Object>> weeks(JsonNode row) {
        List<List<Object>> weeks = new ArrayList<>();
        for (JsonNode week : row.path("weeks")) {
            weeks.add(List.of(
                    week.path("weekOf").asText(),
                    week.path("prescribed").asInt(),
                    week.path("delivered").asInt(),
                    week.path("madeUp").asInt(),
                    week.path("excused").asInt(),
                    week.path("owed").asInt()));
        }
        return weeks;
    }
}
