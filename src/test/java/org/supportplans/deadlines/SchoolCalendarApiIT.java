package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;

/**
 * A district's school calendars through the API: loaded as JSON or from the district's iCalendar file,
 * read back as loaded, refused with a reason and no change when wrong, and only by whom may.
 */
@PostgresIntegrationTest
@RecordApplicationEvents
class SchoolCalendarApiIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DEMO = "demo-district";
    // a year no other test uses: the district administrator's permission is tried on it
    static final String FAR_YEAR = "2030-2031";

    static final String CALENDAR = """
            {"firstDay":"2026-08-17","lastDay":"2027-05-27","noSchool":[
              {"date":"2026-09-07","name":"Labor Day"},
              {"from":"2026-11-23","to":"2026-11-27","name":"Thanksgiving break"},
              {"from":"2026-12-21","to":"2027-01-01","name":"Winter break"},
              {"date":"2027-01-18","name":"Martin Luther King Jr. Day"},
              {"from":"2027-03-22","to":"2027-03-26","name":"Spring break"}]}
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SchoolCalendars calendars;

    final String districtId = "it-calendars-" + UUID.randomUUID().toString().substring(0, 8);
    final String path = "/api/districts/" + districtId + "/calendars/";
    Http demo;

    @BeforeEach
    void aDistrictOfItsOwn() {
        demo = Http.as(port, "demo");
        Http.Response created = demo.post(
                "/api/districts",
                Map.of(
                        "id",
                        districtId,
                        "name",
                        "Calendar Test District",
                        "state",
                        "IL",
                        "timeZone",
                        "America/Chicago"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @AfterEach
    void removeWhatTheTestCreated() {
        for (String district : List.of(districtId, DEMO)) {
            String year = district.equals(DEMO) ? FAR_YEAR : "%";
            jdbc.update("delete from no_school_day where district_id = ? and school_year like ?", district, year);
            jdbc.update("delete from school_calendar where district_id = ? and school_year like ?", district, year);
        }
        org.supportplans.SweepRecords.forget(jdbc, districtId);
        jdbc.update("delete from district where id = ?", districtId);
    }

    @Test
    void aCalendarPutAsJsonIsReadBackAsPut() throws IOException {
        Http.Response created = demo.put(path + "2026-2027", CALENDAR);
        Http.Response read = demo.get(path + "2026-2027");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(path + "2026-2027");
        assertThat(created.json()).isEqualTo(JSON.readTree(CALENDAR));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(JSON.readTree(CALENDAR));

        String shorter = """
                {"firstDay":"2026-08-19","lastDay":"2027-05-26","noSchool":[
                  {"from":"2026-12-21","to":"2027-01-01","name":"Winter break"},
                  {"date":"2026-09-07","name":"Labor Day"}]}
                """;
        Http.Response replaced = demo.put(path + "2026-2027", shorter);

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        JsonNode again = demo.get(path + "2026-2027").json();
        assertThat(again.path("firstDay").asText()).isEqualTo("2026-08-19");
        assertThat(again.path("noSchool").findValuesAsText("name"))
                .as("in the order of the days")
                .containsExactly("Labor Day", "Winter break");
        assertThat(rows("no_school_day")).isEqualTo(2);
    }

    @Test
    void aDistrictsICalendarFileIsImported() throws IOException {
        String file = resource(ICalendarImportTest.FILE);

        Http.Response imported = demo.put(path + "2026-2027", file, "text/calendar; charset=utf-8");
        JsonNode read = demo.get(path + "2026-2027").json();

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode body = imported.json();
        assertThat(body.path("firstDay").asText()).isEqualTo("2026-08-17");
        assertThat(body.path("lastDay").asText()).isEqualTo("2027-05-27");
        assertThat(body.path("noSchool")).hasSize(11);
        assertThat(body.path("ignored").findValuesAsText("summary"))
                .contains("Board of Education Regular Meeting", "Parent-Teacher Conferences - Early Release");
        assertThat(read.path("firstDay")).isEqualTo(body.path("firstDay"));
        assertThat(read.path("lastDay")).isEqualTo(body.path("lastDay"));
        assertThat(read.path("noSchool")).isEqualTo(body.path("noSchool"));
        assertThat(read.path("noSchool").get(5).toString())
                .isEqualTo("{\"from\":\"2026-12-21\",\"to\":\"2027-01-01\",\"name\":\"Winter Break\"}");
        assertThat(read.has("ignored")).isFalse();
    }

    @Test
    void aFileWithoutFirstAndLastDayTakesThemFromTheRequest() {
        String file = ICalendarImportTest.calendar("""
                BEGIN:VEVENT
                UID:1@example.org
                DTSTAMP:20260301T170000Z
                DTSTART;VALUE=DATE:20260907
                SUMMARY:Labor Day
                END:VEVENT
                """);

        Http.Response withoutDays = demo.put(path + "2026-2027", file, "text/calendar");
        Http.Response withDays =
                demo.put(path + "2026-2027?firstDay=2026-08-20&lastDay=2027-05-28", file, "text/calendar");

        assertThat(withoutDays.status()).isEqualTo(400);
        assertThat(withoutDays.contentType()).startsWith("application/problem+json");
        assertThat(withoutDays.json().path("detail").asText()).contains("firstDay=");
        assertThat(withDays.status()).as(withDays.body()).isEqualTo(201);
        assertThat(demo.get(path + "2026-2027").json().path("firstDay").asText())
                .isEqualTo("2026-08-20");
    }

    @Test
    void badCalendarsAreRefusedWithAReasonAndChangeNothing() {
        demo.put(path + "2026-2027", CALENDAR);
        String before = demo.get(path + "2026-2027").body();
        int calendarsBefore = rows("school_calendar");
        int daysBefore = rows("no_school_day");

        refused("2026-27", CALENDAR, "is not a school year");
        refused("2026-2028", CALENDAR, "is not a school year");
        refused(
                "2026-2027",
                CALENDAR.replace("\"lastDay\":\"2027-05-27\"", "\"lastDay\":\"2026-05-27\""),
                "before the first");
        refused("2026-2027", CALENDAR.replace("2027-05-27", "2027-07-27"), "is not in the school year 2026-2027");
        refused("2027-2028", CALENDAR, "is not in the school year 2027-2028");
        refused(
                "2026-2027",
                CALENDAR.replace("{\"date\":\"2026-09-07\"", "{\"date\":\"2026-09-07\",\"from\":\"2026-09-07\""),
                "give either a date, or from and to, not both");
        refused(
                "2026-2027",
                CALENDAR.replace(
                        "\"from\":\"2026-11-23\",\"to\":\"2026-11-27\"",
                        "\"from\":\"2026-11-27\",\"to\":\"2026-11-23\""),
                "from (2026-11-27) is after to (2026-11-23)");
        refused("2026-2027", CALENDAR.replace("2027-01-18", "2026-01-18"), "is not between the first");
        refused("2026-2027", CALENDAR.replace("\"name\":\"Labor Day\"", "\"name\":\"\""), "noSchool[0].name");
        refused("2026-2027", CALENDAR.replace(",\"name\":\"Labor Day\"", ""), "noSchool[0].name");
        refused("2026-2027", CALENDAR.replace("2026-09-07", "2026-09-31"), "a date, YYYY-MM-DD");
        refused("2026-2027", CALENDAR.replace("\"firstDay\":\"2026-08-17\",", ""), "firstDay");
        refused("2026-2027", "{\"firstDay\": ", "not valid JSON");
        Http.Response notAFile = demo.put(path + "2026-2027", "<html>our calendar</html>", "text/calendar");
        assertThat(notAFile.status()).isEqualTo(400);
        assertThat(notAFile.json().path("detail").asText()).contains("not an iCalendar file");

        assertThat(demo.get(path + "2026-2027").body()).isEqualTo(before);
        assertThat(rows("school_calendar")).isEqualTo(calendarsBefore);
        assertThat(rows("no_school_day")).isEqualTo(daysBefore);
        assertThat(demo.get(path + "2027-2028").status()).isEqualTo(404);
    }

    @Test
    void staffReadTheirDistrictsCalendarsAndDistrictAdministratorsChangeThem() {
        Http teacher = Http.as(port, "general-education-teacher");
        Http districtAdmin = Http.as(port, "district-admin");
        String demoPath = "/api/districts/" + DEMO + "/calendars/";
        demo.put(path + "2026-2027", CALENDAR);

        assertThat(teacher.get(demoPath + "2026-2027").status()).isEqualTo(200);
        Http.Response teacherPut = teacher.put(demoPath + FAR_YEAR, far(CALENDAR));
        assertThat(teacherPut.status()).as(teacherPut.body()).isEqualTo(403);
        assertThat(teacherPut.contentType()).startsWith("application/problem+json");

        Http.Response adminPut = districtAdmin.put(demoPath + FAR_YEAR, far(CALENDAR));
        assertThat(adminPut.status()).as(adminPut.body()).isEqualTo(201);
        assertThat(districtAdmin
                        .get(demoPath + FAR_YEAR)
                        .json()
                        .path("firstDay")
                        .asText())
                .isEqualTo("2030-08-17");

        // a district they do not work in does not exist for them, as an unknown one
        assertThat(districtAdmin.get(path + "2026-2027").status()).isEqualTo(404);
        assertThat(districtAdmin.put(path + "2026-2027", CALENDAR).status()).isEqualTo(404);
        assertThat(teacher.get(path + "2026-2027").status()).isEqualTo(404);
        assertThat(demo.get("/api/districts/no-such-district/calendars/2026-2027")
                        .status())
                .isEqualTo(404);
        assertThat(demo.get(demoPath + "2040-2041").status())
                .as("a year not loaded")
                .isEqualTo(404);
    }

    @Test
    void theDemoDistrictHasTwoSchoolYears() {
        JsonNode years = Http.as(port, "coordinator")
                .get("/api/districts/" + DEMO + "/calendars")
                .json();
        JsonNode year = Http.as(port, "coordinator")
                .get("/api/districts/" + DEMO + "/calendars/2026-2027")
                .json();

        assertThat(years.toString())
                .contains("{\"schoolYear\":\"2025-2026\",\"firstDay\":\"2025-08-18\",\"lastDay\":\"2026-05-28\","
                        + "\"schoolDays\":174}")
                .contains("{\"schoolYear\":\"2026-2027\",\"firstDay\":\"2026-08-17\",\"lastDay\":\"2027-05-27\","
                        + "\"schoolDays\":175}");
        assertThat(year.path("firstDay").asText()).isEqualTo("2026-08-17");
        assertThat(year.path("lastDay").asText()).isEqualTo("2027-05-27");
        assertThat(year.path("noSchool").toString())
                .contains("{\"date\":\"2026-09-07\",\"name\":\"Labor Day\"}")
                .contains("{\"from\":\"2026-12-21\",\"to\":\"2027-01-01\",\"name\":\"Winter break\"}")
                .contains("Spring break");
    }

    @Test
    void loadingACalendarTellsTheClocks(ApplicationEvents events) {
        calendars.put(
                districtId,
                new SchoolYearCalendar("2027-2028", LocalDate.of(2027, 8, 16), LocalDate.of(2028, 5, 25), List.of()));

        assertThat(events.stream(CalendarChanged.class)).containsExactly(new CalendarChanged(districtId, "2027-2028"));
        assertThat(calendars.calendarOf(districtId).years())
                .extracting(SchoolYearCalendar::schoolYear)
                .containsExactly("2027-2028");
    }

    private void refused(String schoolYear, String body, String detail) {
        Http.Response response = demo.put(path + schoolYear, body);

        assertThat(response.status()).as(body + " → " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asText()).as(body).contains(detail);
    }

    private int rows(String table) {
        return jdbc.queryForObject(
                "select count(*) from " + table + " where district_id = ?", Integer.class, districtId);
    }

    private static String far(String calendar) {
        return calendar.replace("2026-", "2030-").replace("2027-", "2031-");
    }

    private static String resource(String name) throws IOException {
        try (InputStream stream = SchoolCalendarApiIT.class.getResourceAsStream(name)) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
