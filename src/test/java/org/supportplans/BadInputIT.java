package org.supportplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportplans.Referrals.today;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Bad input against every endpoint of our API and against task completion through the engine REST API (what
 * Tasklist calls). Each case is a row of a table: who sends what, the status expected and a phrase the message
 * must contain. Every refusal is a 4xx (our API: {@code application/problem+json} with a {@code detail}; the
 * engine REST API: Camunda's own {@code {"type","message"}}), never a 500, and no table of the database changed:
 * every table, ours and the engine's, is fingerprinted before and after.
 *
 * <p>A context and a database of its own, with the job executor off: no timer or background job changes a table
 * while a request is checked. (The shared {@link PostgresIntegrationTest} context runs its job executor on its
 * own database, which other tests change meanwhile.) Failsafe runs it in a JVM of its own (pom.xml, execution
 * {@code bad-input}): the engine REST API finds its engine in Camunda's static registry, where a second context in
 * the same JVM would take the first one's place.
 */
@Tag("bad-input") // Failsafe's execution "bad-input": a JVM of its own (pom.xml)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles("test")
@ContextConfiguration(initializers = BadInputIT.OwnDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    static final String DATABASE = FreshPostgresDatabase.DATABASE + "_bad_input";

    /** The database of this test alone, created afresh. */
    static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            FreshPostgresDatabase.recreate(DATABASE);
            TestPropertyValues.of(
                            "spring.datasource.url=" + FreshPostgresDatabase.url(DATABASE),
                            "spring.datasource.username=" + FreshPostgresDatabase.USER,
                            "spring.datasource.password=" + FreshPostgresDatabase.PASSWORD)
                    .applyTo(context);
        }
    }

    /**
     * Tables that change by design whatever the request: the audit log (both its tables) records every read and every refused
     * change (who tried what); the engine's metrics reporter writes its counters on a timer of its own (every
     * 15 minutes), not because of a request.
     */
    static final List<String> CHANGE_BY_DESIGN = List.of("audit_event", "audit_event_case", "act_ru_meter_log");

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final String FIVE_MB = "x".repeat(5 * 1024 * 1024);
    static final String MARKUP = "<script>alert(1)</script>";
    static final String SQL = "'); drop table students;--";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** The fixtures' ids, by the placeholder the cases use in their paths: {@code {triage}}, {@code {clock}}, ... */
    final Map<String, String> ids = new HashMap<>();

    /** The school refuses what the parents asked (34 CFR 300.503(a)(2)): a complete refusal, for rows to spoil. */
    static final Map<String, Object> REFUSAL = map(
            "requestedOn", LocalDate.now().minusDays(1).toString(),
            "request", "Speech therapy three times a week",
            "about", "SERVICES",
            "reasons", "Two sessions keep her on track.",
            "evidence", "Session notes",
            "optionsConsidered", "A third session: rejected.");

    // ---- the cases, as a person or a tool sends them --------------------------------------------------------

    /** One bad request and what must come back. */
    record Bad(
            String why,
            String user,
            String method,
            String path,
            String contentType,
            String accept,
            String body,
            int status,
            String phrase) {

        Bad as(String other) {
            return new Bad(why, other, method, path, contentType, accept, body, status, phrase);
        }

        Bad type(String other) {
            return new Bad(why, user, method, path, other, accept, body, status, phrase);
        }

        Bad accept(String other) {
            return new Bad(why, user, method, path, contentType, other, body, status, phrase);
        }

        Bad expect(int code, String words) {
            return new Bad(why, user, method, path, contentType, accept, body, code, words);
        }

        @Override
        public String toString() {
            return method + " " + path + ": " + why;
        }
    }

    static Bad post(String why, String path, Object body) {
        return new Bad(why, "coordinator", "POST", path, "application/json", null, json(body), 400, null);
    }

    static Bad put(String why, String path, Object body) {
        return new Bad(why, "district-admin", "PUT", path, "application/json", null, json(body), 400, null);
    }

    static Bad get(String why, String path) {
        return new Bad(why, "coordinator", "GET", path, null, null, null, 400, null);
    }

    static Bad send(String why, String method, String path) {
        return new Bad(why, "coordinator", method, path, null, null, null, 405, null);
    }

    /** A referral as DESIGN.md gives it, with one change. */
    static Map<String, Object> referral(String key, Object value) {
        Map<String, Object> body = Referrals.of("S-BAD-1");
        put(body, key, value);
        return body;
    }

    /** Sets a value at a dotted path ({@code student.dateOfBirth}); {@code null} removes it. */
    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> body, String key, Object value) {
        String[] parts = key.split("\\.", 2);
        if (parts.length == 2) {
            put((Map<String, Object>) body.get(parts[0]), parts[1], value);
        } else if (value == null) {
            body.remove(key);
        } else {
            body.put(key, value);
        }
    }

    /** An eligibility decision's values with its team and, for a learning disability, its report (300.311). */
    static Map<String, Object> decidedBy(Map<String, Object> values) {
        values.putAll(CaseDriver.Forms.eligibilityTeam());
        if (values.getOrDefault("ideaCategories", List.of()).toString().contains("SPECIFIC_LEARNING_DISABILITY")) {
            values.putAll(CaseDriver.Forms.learningDisabilityReport());
        }
        return values;
    }

    static Map<String, Object> without(Map<String, Object> values, String key) {
        values.remove(key);
        return values;
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    Stream<Bad> apiCases() {
        String today = today().toString();
        String fourDaysAgo = today().minusDays(4).toString();
        Map<String, Object> consent = map("kind", "EVALUATION_CONSENT", "decision", "GIVEN", "date", today);
        Map<String, Object> calendar = map("firstDay", "2027-08-16", "lastDay", "2028-05-25", "noSchool", List.of());
        String reports = "/api/reports/";
        String tomorrow = today().plusDays(1).toString();
        String goal = "/api/cases/{inEffect}/goals/{goal}";
        String sessions = "/api/cases/{inEffect}/services/{service}/sessions";
        String owed = reports + "services-owed?school=lincoln-elementary";
        String benefits = "/api/cases/{inEffect}/public-benefits";
        String medicaid = reports + "medicaid-sessions?school=lincoln-elementary";
        Map<String, Object> measurement = measurement();
        Map<String, Object> session = map("date", today, "minutes", 45, "status", "DELIVERED");
        Map<String, Object> periods =
                map("reportDueSchoolDays", 5, "periods", List.of(map("name", "Quarter 1", "endsOn", "2026-10-16")));
        return Stream.of(
                // POST /api/referrals
                post("malformed JSON", "/api/referrals", "{\"student\": ").expect(400, "not valid JSON"),
                post("an array, not an object", "/api/referrals", "[]").expect(400, "JSON object"),
                post("empty body", "/api/referrals", "").expect(400, "JSON"),
                post("student missing", "/api/referrals", referral("student", null))
                        .expect(400, "student"),
                post("school missing", "/api/referrals", referral("schoolId", null))
                        .expect(400, "schoolId"),
                post("unknown school", "/api/referrals", referral("schoolId", "hogwarts"))
                        .expect(404, "hogwarts"),
                post("wrong type: concerns a number", "/api/referrals", referral("concerns", 7))
                        .expect(400, "concerns"),
                post(
                                "wrong type: parentRequestedEvaluation a word",
                                "/api/referrals",
                                referral("parentRequestedEvaluation", "maybe"))
                        .expect(400, "parentRequestedEvaluation"),
                post("unknown concern", "/api/referrals", referral("concerns", List.of("SLEEPY")))
                        .expect(400, "ACADEMIC"),
                post("unknown referrer role", "/api/referrals", referral("referredBy.role", "NEIGHBOUR"))
                        .expect(400, "PARENT"),
                post("no such date", "/api/referrals", referral("receivedOn", "2026-02-30"))
                        .expect(400, "receivedOn"),
                post("referral in 9999", "/api/referrals", referral("receivedOn", "9999-12-31"))
                        .expect(400, "in the future"),
                post("referral in 1900", "/api/referrals", referral("receivedOn", "1900-01-01"))
                        .expect(400, "1900-01-01"),
                // the referral is three days old: born the day before yesterday is after it, and past in every zone
                post(
                                "born after the referral",
                                "/api/referrals",
                                referral(
                                        "student.dateOfBirth",
                                        today().minusDays(2).toString()))
                        .expect(400, "date of birth"),
                post(
                                "born tomorrow",
                                "/api/referrals",
                                referral(
                                        "student.dateOfBirth",
                                        today().plusDays(1).toString()))
                        .expect(400, "dateOfBirth"),
                post("born in 1900", "/api/referrals", referral("student.dateOfBirth", "1900-01-01"))
                        .expect(400, "date of birth"),
                post("local id with markup", "/api/referrals", referral("student.localId", MARKUP))
                        .expect(400, "localId"),
                post("reason of 5 MB", "/api/referrals", referral("reason", FIVE_MB))
                        .expect(413, "2 MB"),
                post("as text/plain", "/api/referrals", referral("reason", "Reading below grade level."))
                        .type("text/plain")
                        .expect(415, "application/json"),
                post("asking for XML", "/api/referrals", referral("reason", "Reading below grade level."))
                        .accept("application/xml")
                        .expect(406, "application/json"),
                send("PUT on referrals", "PUT", "/api/referrals").expect(405, "PUT"),
                send("DELETE a case", "DELETE", "/api/cases/{triage}").expect(405, "DELETE"),
                post("refusal: no reasons", "/api/cases/{triage}/request-refusals", with(REFUSAL, "reasons", " "))
                        .expect(400, "reasons"),
                post(
                                "refusal: about the weather",
                                "/api/cases/{triage}/request-refusals",
                                with(REFUSAL, "about", "WEATHER"))
                        .expect(400, "IDENTIFICATION, EVALUATION, PLACEMENT, SERVICES"),
                post(
                                "refusal: asked tomorrow",
                                "/api/cases/{triage}/request-refusals",
                                with(
                                        REFUSAL,
                                        "requestedOn",
                                        LocalDate.now().plusDays(2).toString()))
                        .expect(400, "future"),
                post("refusal: by a teacher", "/api/cases/{triage}/request-refusals", REFUSAL)
                        .as("general-education-teacher")
                        .expect(403, "coordinators"),

                // cases, timeline, staff
                get("unknown case", "/api/cases/no-such-case").expect(404, "no-such-case"),
                get("unknown case's timeline", "/api/cases/no-such-case/timeline")
                        .expect(404, "no-such-case"),
                get("unknown phase", "/api/cases?phase=LUNCH").expect(400, "phase"),
                get("unknown plan kind", "/api/cases?planKind=IPE").expect(400, "planKind"),
                get("page size 0", "/api/cases?size=0").expect(400, "size"),
                get("page not a number", "/api/cases?page=two").expect(400, "page"),
                get("timeline as XML", "/api/cases/{triage}/timeline")
                        .accept("application/xml")
                        .expect(406, "application/json"),
                send("POST to /api/me", "POST", "/api/me").expect(405, "POST"),
                send("DELETE /api/schools", "DELETE", "/api/schools").expect(405, "DELETE"),
                get("no such endpoint", "/api/nothing-here").expect(404, "/api/nothing-here"),

                // parent responses
                post("malformed JSON", "/api/cases/{consent}/parent-responses", "{\"kind\":")
                        .expect(400, "not valid JSON"),
                post("unknown case", "/api/cases/no-such-case/parent-responses", consent)
                        .expect(404, "no-such-case"),
                post("unknown kind", "/api/cases/{consent}/parent-responses", with(consent, "kind", "HUG"))
                        .expect(400, "EVALUATION_CONSENT"),
                post("decision missing", "/api/cases/{consent}/parent-responses", with(consent, "decision", null))
                        .expect(400, "decision"),
                post("date a number", "/api/cases/{consent}/parent-responses", with(consent, "date", 20260101))
                        .expect(400, "date"),
                post(
                                "consent before the referral",
                                "/api/cases/{consent}/parent-responses",
                                with(consent, "date", fourDaysAgo))
                        .expect(400, "before"),
                post("consent in 1900", "/api/cases/{consent}/parent-responses", with(consent, "date", "1900-01-01"))
                        .expect(400, "before"),
                post("consent in 9999", "/api/cases/{consent}/parent-responses", with(consent, "date", "9999-12-31"))
                        .expect(400, "in the future"),
                post(
                                "an answer not asked for",
                                "/api/cases/{consent}/parent-responses",
                                with(consent, "kind", "SERVICES_CONSENT"))
                        .expect(409, "not waiting"),
                post("as a form", "/api/cases/{consent}/parent-responses", "kind=EVALUATION_CONSENT")
                        .type("application/x-www-form-urlencoded")
                        .expect(415, "application/json"),

                // invitations of the parents to the family's page
                post(
                                "unknown purpose",
                                "/api/cases/{consent}/parent-invitations",
                                map("kind", "EVALUATION_CONSENT", "purpose", "LATER"))
                        .expect(400, "REVOCATION"),
                post(
                                "revoking a consent to evaluate",
                                "/api/cases/{consent}/parent-invitations",
                                map("kind", "EVALUATION_CONSENT", "purpose", "REVOCATION"))
                        .expect(409, "revoke"),

                // the family's receipts
                get("receipt number not a number", "/api/cases/{consent}/family-receipts/first")
                        .expect(400, "receiptNumber"),
                get("unknown receipt", "/api/cases/{consent}/family-receipts/999999")
                        .expect(404, "999999"),

                // exit
                post("unknown reason", "/api/cases/{triage}/exit", map("reason", "BORED"))
                        .expect(400, "GRADUATED"),
                post("reason missing", "/api/cases/{triage}/exit", map()).expect(400, "reason"),
                post("unknown case", "/api/cases/no-such-case/exit", map("reason", "GRADUATED"))
                        .expect(404, "no-such-case"),
                send("GET an exit", "GET", "/api/cases/{triage}/exit").expect(405, "GET"),

                // clocks
                post("unknown clock kind", "/api/cases/{triage}/clocks", map("kind", "egg-timer", "start", today))
                        .expect(400, "egg-timer"),
                post(
                                "a clock of the case's steps",
                                "/api/cases/{triage}/clocks",
                                map("kind", "initial-evaluation", "start", today))
                        .expect(400, "not by hand"),
                post(
                                "start in 1900",
                                "/api/cases/{triage}/clocks",
                                map("kind", "records-request", "start", "1900-01-01"))
                        .expect(400, "within the last year"),
                post(
                                "start in 9999",
                                "/api/cases/{triage}/clocks",
                                map("kind", "records-request", "start", "9999-12-31"))
                        .expect(400, "not in the future"),
                post("start missing", "/api/cases/{triage}/clocks", map("kind", "records-request"))
                        .expect(400, "start"),
                post("unknown case", "/api/cases/no-such-case/clocks", map("kind", "records-request", "start", today))
                        .expect(404, "no-such-case"),
                get("unknown clock", "/api/clocks/999999").expect(404, "999999"),
                get("clock id not a number", "/api/clocks/abc").expect(400, "id"),
                post("pause: unknown reason", "/api/clocks/{clock}/pause", map("from", today, "reasonCode", "NAP"))
                        .expect(400, "PARENT_DID_NOT_PRODUCE_CHILD"),
                post("pause in 1900", "/api/clocks/{clock}/pause", map("from", "1900-01-01", "reasonCode", "TRANSFER"))
                        .expect(400, "before"),
                post("pause in 9999", "/api/clocks/{clock}/pause", map("from", "9999-12-31", "reasonCode", "TRANSFER"))
                        .expect(400, "in the future"),
                post(
                                "pause: other without words",
                                "/api/clocks/{clock}/pause",
                                map("from", today, "reasonCode", "OTHER"))
                        .expect(400, "in words"),
                post(
                                "pause: 5 MB of words",
                                "/api/clocks/{clock}/pause",
                                map("from", today, "reasonCode", "OTHER", "reasonText", FIVE_MB))
                        .expect(413, "2 MB"),
                post("pause an unknown clock", "/api/clocks/999999/pause", map("from", today, "reasonCode", "TRANSFER"))
                        .expect(404, "999999"),
                post("resume a running clock", "/api/clocks/{clock}/resume", map("on", today))
                        .expect(400, "not paused"),
                post("resume: date missing", "/api/clocks/{clock}/resume", map())
                        .expect(400, "on"),
                post(
                                "extend to 9999",
                                "/api/clocks/{clock}/extend",
                                map("to", "9999-12-31", "reasonCode", "SLD_WRITTEN_EXTENSION"))
                        .expect(400, "a year ahead"),
                post(
                                "extend to 1900",
                                "/api/clocks/{clock}/extend",
                                map("to", "1900-01-01", "reasonCode", "SLD_WRITTEN_EXTENSION"))
                        .expect(400, "after the due date"),
                post("reason for a clock on time", "/api/clocks/{clock}/reason", map("reasonCode", "SCHOOL_ERROR"))
                        .expect(400, "late"),
                post("met in 1900", "/api/clocks/{clock}/met", map("on", "1900-01-01"))
                        .expect(400, "before"),
                post("met in 9999", "/api/clocks/{clock}/met", map("on", "9999-12-31"))
                        .expect(400, "in the future"),
                post("met: date a word", "/api/clocks/{clock}/met", map("on", "tomorrow"))
                        .expect(400, "YYYY-MM-DD"),
                post("a clock changed by a teacher", "/api/clocks/{clock}/met", map("on", today))
                        .as("general-education-teacher")
                        .expect(403, "coordinators"),

                // deadlines, preview, feed
                get("unknown status", "/api/deadlines?status=SNOOZED").expect(400, "status"),
                get("unknown clock", "/api/deadlines?clock=egg-timer").expect(400, "egg-timer"),
                get("negative days", "/api/deadlines?dueWithinDays=-1").expect(400, "dueWithinDays"),
                get("days not a number", "/api/deadlines?dueWithinDays=soon").expect(400, "dueWithinDays"),
                get("page size 501", "/api/deadlines?size=501").expect(400, "size"),
                get("feed: unknown status", "/api/deadlines.ics?status=SNOOZED").expect(400, "status"),
                get("feed: unknown clock", "/api/deadlines.ics?clock=egg-timer").expect(400, "egg-timer"),
                send("POST to the feed", "POST", "/api/deadlines.ics").expect(405, "POST"),
                get(
                                "preview: unknown clock",
                                "/api/deadlines/preview?district=demo-district&clock=egg-timer&start=" + today)
                        .expect(400, "egg-timer"),
                get(
                                "preview: unknown district",
                                "/api/deadlines/preview?district=atlantis&clock=iep-meeting&start=" + today)
                        .expect(404, "atlantis"),
                get(
                                "preview: start not a date",
                                "/api/deadlines/preview?district=demo-district&clock=iep-meeting&start=soon")
                        .expect(400, "start"),
                get("preview: start missing", "/api/deadlines/preview?district=demo-district&clock=iep-meeting")
                        .expect(400, "start"),
                get(
                                "preview: a school of no such district",
                                "/api/deadlines/preview?district=demo-district&clock=iep-meeting&start=" + today
                                        + "&school=hogwarts")
                        .expect(400, "hogwarts"),

                // districts, schools, calendars
                post("district: malformed JSON", "/api/districts", "{")
                        .as("demo")
                        .expect(400, "not valid JSON"),
                post(
                                "district: bad id",
                                "/api/districts",
                                map(
                                        "id",
                                        "North District",
                                        "name",
                                        "North",
                                        "state",
                                        "CO",
                                        "timeZone",
                                        "America/Denver"))
                        .as("demo")
                        .expect(400, "id"),
                post(
                                "district: unknown state",
                                "/api/districts",
                                map("id", "north", "name", "North", "state", "ZZ", "timeZone", "America/Denver"))
                        .as("demo")
                        .expect(400, "state"),
                post(
                                "district: unknown time zone",
                                "/api/districts",
                                map("id", "north", "name", "North", "state", "CO", "timeZone", "Mars/Olympus"))
                        .as("demo")
                        .expect(400, "timeZone"),
                post(
                                "district: name missing",
                                "/api/districts",
                                map("id", "north", "state", "CO", "timeZone", "America/Denver"))
                        .as("demo")
                        .expect(400, "name"),
                post(
                                "district: the id is taken",
                                "/api/districts",
                                map(
                                        "id",
                                        "demo-district",
                                        "name",
                                        "Again",
                                        "state",
                                        "CO",
                                        "timeZone",
                                        "America/Denver"))
                        .as("demo")
                        .expect(409, "demo-district"),
                post(
                                "district: created by a coordinator",
                                "/api/districts",
                                map("id", "north", "name", "North", "state", "CO", "timeZone", "America/Denver"))
                        .expect(403, "administrator"),
                get("unknown district", "/api/districts/atlantis").expect(404, "atlantis"),
                post("school: id with SQL", "/api/districts/demo-district/schools", map("id", SQL, "name", "X"))
                        .as("district-admin")
                        .expect(400, "id"),
                post(
                                "school: in an unknown district",
                                "/api/districts/atlantis/schools",
                                map("id", "x", "name", "X School"))
                        .as("district-admin")
                        .expect(404, "atlantis"),
                post(
                                "school: the id is taken",
                                "/api/districts/demo-district/schools",
                                map("id", "lincoln-elementary", "name", "Again"))
                        .as("district-admin")
                        .expect(409, "lincoln-elementary"),
                get("unknown school", "/api/districts/demo-district/schools/hogwarts")
                        .expect(404, "hogwarts"),
                put(
                                "calendar: ends before it starts",
                                "/api/districts/demo-district/calendars/2027-2028",
                                with(calendar, "lastDay", "2027-08-01"))
                        .expect(400, "before the first"),
                put(
                                "calendar: in 1900",
                                "/api/districts/demo-district/calendars/2027-2028",
                                with(calendar, "firstDay", "1900-08-16"))
                        .expect(400, "not in the school year"),
                put(
                                "calendar: in 9999",
                                "/api/districts/demo-district/calendars/2027-2028",
                                with(calendar, "lastDay", "9999-05-25"))
                        .expect(400, "not in the school year"),
                put("calendar: not a school year", "/api/districts/demo-district/calendars/2027-2029", calendar)
                        .expect(400, "not a school year"),
                put(
                                "records retention: fewer years than any state keeps",
                                "/api/districts/demo-district/records-retention",
                                map("yearsAfterExit", 2))
                        .expect(400, "yearsAfterExit"),
                put(
                                "records retention: not a number",
                                "/api/districts/demo-district/records-retention",
                                map("yearsAfterExit", "five"))
                        .expect(400, "yearsAfterExit"),
                put("records retention: no years", "/api/districts/demo-district/records-retention", map())
                        .expect(400, "yearsAfterExit"),
                put(
                                "calendar: day off outside the year",
                                "/api/districts/demo-district/calendars/2027-2028",
                                with(calendar, "noSchool", List.of(map("date", "2028-06-10", "name", "Fun day"))))
                        .expect(400, "noSchool[0]"),
                put(
                                "calendar: day off without a name",
                                "/api/districts/demo-district/calendars/2027-2028",
                                with(calendar, "noSchool", List.of(map("date", "2027-09-06"))))
                        .expect(400, "name"),
                put(
                                "calendar: break ending before it starts",
                                "/api/districts/demo-district/calendars/2027-2028",
                                with(
                                        calendar,
                                        "noSchool",
                                        List.of(map("from", "2027-12-31", "to", "2027-12-20", "name", "Winter break"))))
                        .expect(400, "after to"),
                put("calendar: malformed JSON", "/api/districts/demo-district/calendars/2027-2028", "{\"firstDay\":")
                        .expect(400, "not valid JSON"),
                put("calendar: unknown district", "/api/districts/atlantis/calendars/2027-2028", calendar)
                        .expect(404, "atlantis"),
                put("calendar: loaded by a coordinator", "/api/districts/demo-district/calendars/2027-2028", calendar)
                        .as("coordinator")
                        .expect(403, "administrator"),
                put(
                                "calendar: an iCalendar file that is not one",
                                "/api/districts/demo-district/calendars/2027-2028",
                                "hello")
                        .type("text/calendar")
                        .expect(400, "iCalendar"),
                put("calendar: an iCalendar file of 5 MB", "/api/districts/demo-district/calendars/2027-2028", FIVE_MB)
                        .type("text/calendar")
                        .expect(413, "2 MB"),
                put("calendar: as XML", "/api/districts/demo-district/calendars/2027-2028", "<calendar/>")
                        .type("application/xml")
                        .expect(415, "text/calendar"),
                get("calendar: not a school year", "/api/districts/demo-district/calendars/1900")
                        .expect(400, "not a school year"),
                get("calendar: not loaded", "/api/districts/demo-district/calendars/1900-1901")
                        .expect(404, "1900-1901"),
                send("calendar: DELETE", "DELETE", "/api/districts/demo-district/calendars/2026-2027")
                        .expect(405, "DELETE"),
                put(
                                "clock policy: a clock that is law",
                                "/api/districts/demo-district/clock-policies/annual-review",
                                map("count", 2))
                        .expect(400, "law"),
                put(
                                "clock policy: no such clock",
                                "/api/districts/demo-district/clock-policies/egg-timer",
                                map("count", 2))
                        .expect(400, "egg-timer"),
                put(
                                "clock policy: four years",
                                "/api/districts/demo-district/clock-policies/plan-review",
                                map("count", 4))
                        .expect(400, "count"),
                put("clock policy: no count", "/api/districts/demo-district/clock-policies/plan-review", map())
                        .expect(400, "count"),
                put(
                                "clock policy: set by a coordinator",
                                "/api/districts/demo-district/clock-policies/plan-review",
                                map("count", 2))
                        .as("coordinator")
                        .expect(403, "administrator"),
                send("clock policy: none to clear", "DELETE", "/api/districts/demo-district/clock-policies/plan-review")
                        .as("district-admin")
                        .expect(404, "default"),
                send(
                                "clock policy: cleared by a coordinator",
                                "DELETE",
                                "/api/districts/demo-district/clock-policies/plan-review")
                        .expect(403, "administrator"),
                put(
                                "school calendar: an iCalendar file that is not one",
                                "/api/schools/lincoln-elementary/calendars/2027-2028",
                                "hello")
                        .type("text/calendar")
                        .expect(400, "iCalendar"),
                put(
                                "school calendar: an iCalendar file by a coordinator",
                                "/api/schools/lincoln-elementary/calendars/2027-2028",
                                "hello")
                        .type("text/calendar")
                        .as("coordinator")
                        .expect(403, "administrator"),
                put("school calendar: unknown school", "/api/schools/hogwarts/calendars/2027-2028", "hello")
                        .type("text/calendar")
                        .expect(404, "hogwarts"),
                get("school calendar: not its own", "/api/schools/lincoln-elementary/calendars/1900-1901")
                        .expect(404, "district's"),

                // reports, every parameter
                get("timeliness: from not a date", reports + "evaluation-timeliness?from=yesterday")
                        .expect(400, "from"),
                get("timeliness: to not a date", reports + "evaluation-timeliness?to=2026-13-01")
                        .expect(400, "to"),
                get("timeliness: from after to", reports + "evaluation-timeliness?from=2026-06-30&to=2025-07-01")
                        .expect(400, "after"),
                get("timeliness: unknown grouping", reports + "evaluation-timeliness?groupBy=planet")
                        .expect(400, "planet"),
                get("timeliness: unknown plan kind", reports + "evaluation-timeliness?planKind=IPE")
                        .expect(400, "IPE"),
                get("timeliness: unknown district", reports + "evaluation-timeliness?district=atlantis")
                        .expect(404, "atlantis"),
                get("timeliness: unknown school", reports + "evaluation-timeliness?school=hogwarts")
                        .expect(404, "hogwarts"),
                get("timeliness: as XML", reports + "evaluation-timeliness")
                        .accept("application/xml")
                        .expect(406, "application/json"),
                get("timeliness CSV: from after to", reports + "evaluation-timeliness?from=2026-06-30&to=2025-07-01")
                        .accept("text/csv")
                        .expect(400, "after"),
                get("durations: from not a date", reports + "step-durations?from=1.1.2026")
                        .expect(400, "from"),
                get("durations: unknown grouping", reports + "step-durations?groupBy=planet")
                        .expect(400, "planet"),
                get("durations: unknown plan kind", reports + "step-durations?planKind=" + query(SQL))
                        .expect(400, "plan kind"),
                get("durations: unknown school", reports + "step-durations?school=hogwarts")
                        .expect(404, "hogwarts"),
                get("caseloads: unknown plan kind", reports + "caseloads?planKind=IPE")
                        .expect(400, "IPE"),
                get("caseloads: unknown district", reports + "caseloads?district=atlantis")
                        .expect(404, "atlantis"),
                get("caseloads CSV: unknown table", reports + "caseloads?table=desks")
                        .accept("text/csv")
                        .expect(400, "desks"),
                get("clocks: to not a date", reports + "clocks?to=" + query(MARKUP))
                        .expect(400, "to"),
                get("clocks: unknown grouping", reports + "clocks?groupBy=week").expect(400, "week"),
                get("clocks: from after to", reports + "clocks?from=9999-01-01&to=1900-01-01")
                        .expect(400, "after"),
                send("POST a report", "POST", reports + "clocks").expect(405, "POST"),

                // between reviews: goals' measurements and data, sessions, the minutes owed, reporting periods
                put("measurement: target missing", goal + "/measurement", with(measurement, "target", null))
                        .as("coordinator")
                        .expect(400, "target"),
                put("measurement: measured hourly", goal + "/measurement", with(measurement, "measuredEvery", "HOURLY"))
                        .as("coordinator")
                        .expect(400, "measuredEvery"),
                put(
                                "measurement: unknown provider role",
                                goal + "/measurement",
                                with(measurement, "providerRole", "wizard"))
                        .as("coordinator")
                        .expect(400, "wizard"),
                put("measurement: target the baseline", goal + "/measurement", with(measurement, "target", 40))
                        .as("coordinator")
                        .expect(400, "baseline"),
                put("measurement: measured again", goal + "/measurement", measurement)
                        .as("coordinator")
                        .expect(409, "already"),
                put("measurement: unknown goal", "/api/cases/{inEffect}/goals/999999.1/measurement", measurement)
                        .as("coordinator")
                        .expect(404, "999999.1"),
                post("data point: value missing", goal + "/data-points", map("measuredOn", today))
                        .as("special-education-teacher")
                        .expect(400, "value"),
                post("data point: value a word", goal + "/data-points", map("measuredOn", today, "value", "lots"))
                        .as("special-education-teacher")
                        .expect(400, "value"),
                post("data point: tomorrow", goal + "/data-points", map("measuredOn", tomorrow, "value", 42))
                        .as("special-education-teacher")
                        .expect(400, "after today"),
                post("data point: before the IEP", goal + "/data-points", map("measuredOn", fourDaysAgo, "value", 42))
                        .as("special-education-teacher")
                        .expect(400, "outside"),
                post("data point: by a psychologist", goal + "/data-points", map("measuredOn", today, "value", 42))
                        .as("school-psychologist")
                        .expect(403, "provider"),
                post(
                                "data point: a note of 5 MB",
                                goal + "/data-points",
                                map("measuredOn", today, "value", 42, "note", FIVE_MB))
                        .as("special-education-teacher")
                        .expect(413, "2 MB"),
                post("session: missed without a reason", sessions, with(session, "status", "MISSED"))
                        .as("special-education-teacher")
                        .expect(400, "missedReason"),
                post(
                                "session: missed for rain",
                                sessions,
                                with(with(session, "status", "MISSED"), "missedReason", "RAIN"))
                        .as("special-education-teacher")
                        .expect(400, "STUDENT_ABSENT"),
                post("session: no minutes", sessions, with(session, "minutes", 0))
                        .as("special-education-teacher")
                        .expect(400, "minutes"),
                post("session: ten hours and a minute", sessions, with(session, "minutes", 601))
                        .as("special-education-teacher")
                        .expect(400, "minutes"),
                post(
                                "session: a make-up missed",
                                sessions,
                                with(with(with(session, "status", "MISSED"), "missedReason", "OTHER"), "makeUp", true))
                        .as("special-education-teacher")
                        .expect(400, "make-up"),
                post("session: tomorrow", sessions, with(session, "date", tomorrow))
                        .as("special-education-teacher")
                        .expect(400, "after today"),
                post("session: before the service", sessions, with(session, "date", fourDaysAgo))
                        .as("special-education-teacher")
                        .expect(400, "outside"),
                post("session: unknown service", "/api/cases/{inEffect}/services/999999.1/sessions", session)
                        .as("special-education-teacher")
                        .expect(404, "999999.1"),
                post("session: by a nurse", sessions, session).as("nurse").expect(403, "provider"),
                get("services owed: school missing", reports + "services-owed?from=" + today + "&to=" + today)
                        .expect(400, "school"),
                get("services owed: from after to", owed + "&from=2026-06-30&to=2025-07-01")
                        .expect(400, "before"),
                get("services owed: two years", owed + "&from=2025-07-01&to=2027-06-30")
                        .expect(400, "366"),
                get("services owed: unknown provider role", owed + "&from=2026-09-01&to=2026-09-30&providerRole=wizard")
                        .expect(400, "wizard"),
                get(
                                "services owed: unknown school",
                                reports + "services-owed?school=hogwarts&from=" + today + "&to=" + today)
                        .expect(404, "hogwarts"),
                get("services owed: weeks neither true nor false", owed + "&from=2026-09-01&to=2026-09-30&weeks=some")
                        .expect(400, "some"),
                get("services owed: a page of no rows", owed + "&from=2026-09-01&to=2026-09-30&size=0")
                        .expect(400, "size"),
                get("services owed: pages too long", owed + "&from=2026-09-01&to=2026-09-30&size=501")
                        .expect(400, "500"),
                get("services owed: size not a number", owed + "&from=2026-09-01&to=2026-09-30&size=ten")
                        .expect(400, "ten"),
                get("services owed: a page before the first", owed + "&from=2026-09-01&to=2026-09-30&size=50&page=-1")
                        .expect(400, "page"),
                get("services owed: a page without its size", owed + "&from=2026-09-01&to=2026-09-30&page=2")
                        .expect(400, "size"),
                get("services owed CSV: unknown rows", owed + "&from=2026-09-01&to=2026-09-30&rows=desks")
                        .accept("text/csv")
                        .expect(400, "desks"),
                put("periods: not a school year", "/api/districts/demo-district/reporting-periods/2026", periods)
                        .expect(400, "two years"),
                put(
                                "periods: a period after the year",
                                "/api/districts/demo-district/reporting-periods/2025-2026",
                                periods)
                        .expect(400, "outside"),
                put(
                                "periods: due days negative",
                                "/api/districts/demo-district/reporting-periods/2026-2027",
                                with(periods, "reportDueSchoolDays", -1))
                        .expect(400, "reportDueSchoolDays"),
                put(
                                "periods: none",
                                "/api/districts/demo-district/reporting-periods/2026-2027",
                                with(periods, "periods", List.of()))
                        .expect(400, "periods"),
                put("periods: unknown district", "/api/districts/atlantis/reporting-periods/2026-2027", periods)
                        .expect(404, "atlantis"),
                post(
                                "benefits consent: unknown decision",
                                benefits + "/consent",
                                map("decision", "MAYBE", "date", today))
                        .expect(400, "GIVEN"),
                post("benefits consent: date missing", benefits + "/consent", map("decision", "GIVEN"))
                        .expect(400, "date"),
                post("benefits consent: tomorrow", benefits + "/consent", map("decision", "GIVEN", "date", tomorrow))
                        .expect(400, "after today"),
                post("benefits consent: in 1900", benefits + "/consent", map("decision", "GIVEN", "date", "1900-01-01"))
                        .expect(400, "before the case's referral"),
                post(
                                "benefits consent: withdrawn, none given",
                                benefits + "/consent",
                                map("decision", "WITHDRAWN", "date", today))
                        .expect(409, "withdraw"),
                post("benefits consent: by a teacher", benefits + "/consent", map("decision", "GIVEN", "date", today))
                        .as("special-education-teacher")
                        .expect(403, "coordinators"),
                post("benefits notice: tomorrow", benefits + "/notices", map("sentOn", tomorrow))
                        .expect(400, "after today"),
                post("benefits notice: date a word", benefits + "/notices", map("sentOn", "soon"))
                        .expect(400, "sentOn"),
                get("billing export: by a coordinator", medicaid + "&from=2026-09-01&to=2026-09-30")
                        .expect(403, "district administrators"),
                get("billing export: from after to", medicaid + "&from=2026-09-30&to=2026-09-01")
                        .as("district-admin")
                        .expect(400, "before"),
                get("billing export: school missing", reports + "medicaid-sessions?from=2026-09-01&to=2026-09-30")
                        .as("district-admin")
                        .expect(400, "school"),
                get(
                                "billing export CSV: unknown school",
                                reports + "medicaid-sessions?school=hogwarts&from=2026-09-01&to=2026-09-30")
                        .as("district-admin")
                        .accept("text/csv")
                        .expect(404, "hogwarts"),
                put(
                                "periods: set by a coordinator",
                                "/api/districts/demo-district/reporting-periods/2026-2027",
                                periods)
                        .as("coordinator")
                        .expect(403, "administrator"),
                post("a report that does not exist", reports + "nothing", map()).expect(404, "/api/reports/nothing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiCases")
    void ourApiRefusesWithAProblemAndChangesNothing(Bad bad) {
        Map<String, String> before = fingerprint();
        Answer answer = send(bad);
        Map<String, String> after = fingerprint();

        assertThat(answer.status()).as(answer.body()).isEqualTo(bad.status());
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).as("detail").containsIgnoringCase(bad.phrase());
        assertThat(problem.path("detail").asText())
                .as("a message for a person, not a stack trace")
                .doesNotContain("Exception", "org.", "java.");
        assertThat(after).as("no table changed").isEqualTo(before);
    }

    // ---- completing tasks through the engine REST API, as Tasklist does ---------------------------------------

    /** A task completion: the fixture case (its placeholder), the task's name and the form's values. */
    record BadTask(
            String why,
            String caseKey,
            String user,
            String task,
            String endpoint,
            String body,
            int status,
            String phrase) {
        @Override
        public String toString() {
            return task + " (" + endpoint + "): " + why;
        }
    }

    static BadTask task(
            String why, String caseKey, String user, String task, Map<String, Object> values, String phrase) {
        return new BadTask(
                why, caseKey, user, task, "submit-form", json(Map.of("variables", variables(values))), 400, phrase);
    }

    Stream<BadTask> taskCases() {
        String today = today().toString();
        String yesterday = today().minusDays(1).toString();
        String fourDaysAgo = today().minusDays(4).toString();
        String inAYear = today().plusYears(1).minusDays(1).toString();
        String triage = "Triage the referral";
        Map<String, Object> interventions = map(
                "triageOutcome", "INTERVENTIONS_FIRST",
                "triageRationale", "Try small-group reading first.",
                "parentAgreedToInterventions", true);
        Map<String, Object> iep = map(
                "iepStartsOn",
                today,
                "iepEndsOn",
                inAYear,
                "presentLevels",
                "Decodes at a first-grade level; comprehends grade-level text read aloud.",
                "annualGoals",
                "Reads second-grade text at 60 words correct per minute by May.",
                "services",
                List.of(map(
                        "service", "Specialized reading instruction",
                        "providerRole", "special-education-teacher",
                        "minutes", 45,
                        "frequency", "DAILY",
                        "setting", "SPECIAL_EDUCATION",
                        "startsOn", today,
                        "endsOn", inAYear)),
                "placement",
                "REGULAR_CLASS_80_PERCENT_OR_MORE",
                "nondisabledPeers",
                "45 minutes a day in the resource room; with her class otherwise.",
                "progressReporting",
                "A report on each goal with every report card.",
                "assessmentParticipation",
                "WITH_ACCOMMODATIONS",
                "extendedSchoolYear",
                "NOT_NEEDED");
        // the IEP team (34 CFR 300.321): what a meeting's form must hold besides the date each case gets wrong
        Map<String, Object> participants = map(
                "meetingParticipants",
                List.of(
                        "PARENT",
                        "coordinator",
                        "special-education-teacher",
                        "general-education-teacher",
                        "lea-representative"));
        return Stream.of(
                task(
                        "outcome missing",
                        "{triage}",
                        "coordinator",
                        triage,
                        map("triageRationale", "Reading well below grade."),
                        "choose one"),
                task(
                        "unknown outcome",
                        "{triage}",
                        "coordinator",
                        triage,
                        map("triageOutcome", "MAYBE", "triageRationale", "Reading well below grade."),
                        "not one of the choices"),
                task(
                        "outcome a number",
                        "{triage}",
                        "coordinator",
                        triage,
                        map("triageOutcome", 5, "triageRationale", "Reading well below grade."),
                        "not one of the choices"),
                task(
                        "rationale too short",
                        "{triage}",
                        "coordinator",
                        triage,
                        map("triageOutcome", "EVALUATE_IDEA", "triageRationale", "ok"),
                        "at least 10"),
                task(
                        "rationale a number",
                        "{triage}",
                        "coordinator",
                        triage,
                        map("triageOutcome", "EVALUATE_IDEA", "triageRationale", 12345678901L),
                        "expected text"),
                task(
                        "follow-up in 1900",
                        "{triage}",
                        "coordinator",
                        triage,
                        with(interventions, "interventionFollowUpOn", "1900-01-01"),
                        "follow-up date"),
                task(
                        "follow-up in 9999",
                        "{triage}",
                        "coordinator",
                        triage,
                        with(interventions, "interventionFollowUpOn", "9999-12-31"),
                        "follow-up date"),
                task(
                        "follow-up not a date",
                        "{triage}",
                        "coordinator",
                        triage,
                        with(interventions, "interventionFollowUpOn", "next week"),
                        "not a date"),
                new BadTask(
                        "5 MB of rationale",
                        "{triage}",
                        "coordinator",
                        triage,
                        "submit-form",
                        json(Map.of(
                                "variables",
                                variables(map("triageOutcome", "EVALUATE_IDEA", "triageRationale", FIVE_MB)))),
                        413,
                        "2 MB"),
                new BadTask(
                        "malformed JSON",
                        "{triage}",
                        "coordinator",
                        triage,
                        "submit-form",
                        "{\"variables\":",
                        400,
                        "JSON"),
                new BadTask(
                        "unknown outcome",
                        "{triage}",
                        "coordinator",
                        triage,
                        "complete",
                        json(Map.of(
                                "variables",
                                variables(map(
                                        "triageOutcome", "MAYBE", "triageRationale", "Reading well below grade.")))),
                        400,
                        "not one of the choices"),
                new BadTask(
                        "a date variable that is no date",
                        "{triage}",
                        "coordinator",
                        triage,
                        "complete",
                        json(Map.of(
                                "variables",
                                Map.of("interventionFollowUpOn", Map.of("value", "soon", "type", "Date")))),
                        400,
                        "soon"),
                new BadTask(
                        "an unknown task",
                        "{triage}",
                        "coordinator",
                        null,
                        "complete",
                        json(Map.of("variables", Map.of())),
                        404,
                        "no-such-task"),
                task(
                        "answer before the referral",
                        "{consent}",
                        "coordinator",
                        "Record the parents' answer",
                        map("parentDecision", "GIVEN", "parentDecisionDate", fourDaysAgo),
                        "before"),
                task(
                        "answer in 9999",
                        "{consent}",
                        "coordinator",
                        "Record the parents' answer",
                        map("parentDecision", "GIVEN", "parentDecisionDate", "9999-12-31"),
                        "in the future"),
                task(
                        "unknown decision",
                        "{consent}",
                        "coordinator",
                        "Record the parents' answer",
                        map("parentDecision", "PERHAPS", "parentDecisionDate", today),
                        "not one of the choices"),
                task(
                        "evaluation before the consent",
                        "{evaluating}",
                        "school-psychologist",
                        "Evaluate an area",
                        map("areaCompletedOn", yesterday, "areaFindings", "Average verbal reasoning, weak decoding."),
                        "before the parents' consent"),
                task(
                        "evaluation in 1900",
                        "{evaluating}",
                        "school-psychologist",
                        "Evaluate an area",
                        map(
                                "areaCompletedOn",
                                "1900-01-01",
                                "areaFindings",
                                "Average verbal reasoning, weak decoding."),
                        "before the parents' consent"),
                task(
                        "evaluation in 9999",
                        "{evaluating}",
                        "school-psychologist",
                        "Evaluate an area",
                        map(
                                "areaCompletedOn",
                                "9999-12-31",
                                "areaFindings",
                                "Average verbal reasoning, weak decoding."),
                        "in the future"),
                task(
                        "findings missing",
                        "{evaluating}",
                        "school-psychologist",
                        "Evaluate an area",
                        map("areaCompletedOn", today),
                        "Findings: required"),
                task(
                        "eligibility before the consent",
                        "{eligibility}",
                        "coordinator",
                        "Hold the eligibility meeting and decide",
                        decidedBy(map(
                                "eligibilityMeetingOn",
                                yesterday,
                                "eligibilityOutcome",
                                "IEP",
                                "ideaCategories",
                                List.of("SPECIFIC_LEARNING_DISABILITY"),
                                "eligibilityRationale",
                                "A specific learning disability in reading.")),
                        "before the parents' consent"),
                task(
                        "a learning disability without the observation (34 CFR 300.311(a)(3))",
                        "{eligibility}",
                        "coordinator",
                        "Hold the eligibility meeting and decide",
                        without(
                                decidedBy(map(
                                        "eligibilityMeetingOn",
                                        today,
                                        "eligibilityOutcome",
                                        "IEP",
                                        "ideaCategories",
                                        List.of("SPECIFIC_LEARNING_DISABILITY"),
                                        "eligibilityRationale",
                                        "A specific learning disability in reading.")),
                                "sldObservation"),
                        "What the observation showed: required"),
                task(
                        "a member disagrees without a statement (34 CFR 300.311(b))",
                        "{eligibility}",
                        "coordinator",
                        "Hold the eligibility meeting and decide",
                        with(
                                decidedBy(map(
                                        "eligibilityMeetingOn",
                                        today,
                                        "eligibilityOutcome",
                                        "NOT_ELIGIBLE",
                                        "eligibilityRationale",
                                        "Achievement within the expected range.")),
                                "teamAgreement",
                                "SOME_DISAGREE"),
                        "Who disagrees, and their own statement: required"),
                task(
                        "an IEP without a category",
                        "{eligibility}",
                        "coordinator",
                        "Hold the eligibility meeting and decide",
                        map(
                                "eligibilityMeetingOn",
                                today,
                                "eligibilityOutcome",
                                "IEP",
                                "ideaCategories",
                                List.of(),
                                "eligibilityRationale",
                                "A specific learning disability in reading."),
                        "choose at least one"),
                task(
                        "unknown category",
                        "{eligibility}",
                        "coordinator",
                        "Hold the eligibility meeting and decide",
                        map(
                                "eligibilityMeetingOn",
                                today,
                                "eligibilityOutcome",
                                "IEP",
                                "ideaCategories",
                                List.of("GRUMPY"),
                                "eligibilityRationale",
                                "A specific learning disability in reading."),
                        "not one of the choices"),
                task(
                        "meeting in the past",
                        "{scheduling}",
                        "coordinator",
                        "Schedule the plan meeting",
                        map("planMeetingOn", yesterday, "planMeetingLocation", "Room 12"),
                        "in the past"),
                task(
                        "meeting in 1900",
                        "{scheduling}",
                        "coordinator",
                        "Schedule the plan meeting",
                        map("planMeetingOn", "1900-01-01", "planMeetingLocation", "Room 12"),
                        "in the past"),
                task(
                        "meeting in 9999",
                        "{scheduling}",
                        "coordinator",
                        "Schedule the plan meeting",
                        map("planMeetingOn", "9999-12-31", "planMeetingLocation", "Room 12"),
                        "9999-12-31"),
                task(
                        "meeting held before its notice",
                        "{meeting}",
                        "coordinator",
                        "Hold the plan meeting",
                        with(participants, "planMeetingHeldOn", yesterday),
                        "notice"),
                task(
                        "meeting held in 1900",
                        "{meeting}",
                        "coordinator",
                        "Hold the plan meeting",
                        with(participants, "planMeetingHeldOn", "1900-01-01"),
                        "notice"),
                task(
                        "meeting held in 9999",
                        "{meeting}",
                        "coordinator",
                        "Hold the plan meeting",
                        with(participants, "planMeetingHeldOn", "9999-12-31"),
                        "in the future"),
                task(
                        "nobody took part",
                        "{meeting}",
                        "coordinator",
                        "Hold the plan meeting",
                        map("planMeetingHeldOn", today, "meetingParticipants", List.of()),
                        "choose at least one"),
                task(
                        "an IEP ending before it starts",
                        "{writing}",
                        "special-education-teacher",
                        "Draft the IEP",
                        with(iep, "iepEndsOn", yesterday),
                        "ends"),
                task(
                        "an IEP starting before its meeting",
                        "{writing}",
                        "special-education-teacher",
                        "Draft the IEP",
                        with(with(iep, "iepStartsOn", "1900-01-01"), "iepEndsOn", "1900-12-31"),
                        "before the meeting"),
                task(
                        "an IEP in 9999",
                        "{writing}",
                        "special-education-teacher",
                        "Draft the IEP",
                        with(with(iep, "iepStartsOn", "9999-01-01"), "iepEndsOn", "9999-12-31"),
                        "9999-01-01"),
                task(
                        "a service ending before it starts",
                        "{writing}",
                        "special-education-teacher",
                        "Draft the IEP",
                        with(
                                iep,
                                "services",
                                List.of(with(
                                        (Map<String, Object>) ((List<?>) iep.get("services")).get(0),
                                        "endsOn",
                                        yesterday))),
                        "ends before it starts"),
                task(
                        "minutes a word",
                        "{writing}",
                        "special-education-teacher",
                        "Draft the IEP",
                        with(
                                iep,
                                "services",
                                List.of(with(
                                        (Map<String, Object>) ((List<?>) iep.get("services")).get(0),
                                        "minutes",
                                        "lots"))),
                        "whole number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taskCases")
    void taskCompletionRefusesAndChangesNothing(BadTask bad) {
        String caseId = ids.get(bad.caseKey());
        Http staff = Http.as(port, bad.user());
        String taskId = bad.task() == null
                ? "no-such-task"
                : Tasks.open(staff, caseId, bad.task()).path("id").asText();
        Bad request = new Bad(
                bad.why(),
                bad.user(),
                "POST",
                "/engine-rest/task/" + taskId + "/" + bad.endpoint(),
                "application/json",
                null,
                bad.body(),
                bad.status(),
                bad.phrase());

        Map<String, String> before = fingerprint();
        Answer answer = send(request);
        Map<String, String> after = fingerprint();

        assertThat(answer.status()).as(answer.body()).isEqualTo(bad.status());
        // the engine REST API's own error format ({"type","message"}) is Camunda's contract; ours before it:
        // problem+json
        String message = answer.contentType().startsWith("application/problem+json")
                ? answer.json().path("detail").asText()
                : answer.json().path("message").asText();
        assertThat(message).containsIgnoringCase(bad.phrase());
        assertThat(after).as("no table changed").isEqualTo(before);
        if (bad.task() != null) {
            assertThat(Tasks.open(staff, caseId, bad.task()).path("id").asText())
                    .as("the task is still open")
                    .isEqualTo(taskId);
        }
    }

    // ---- markup and SQL are text ------------------------------------------------------------------------------

    @Test
    void markupAndSqlAreStoredVerbatimAndReturnedAsText() {
        Http coordinator = Http.as(port, "coordinator");
        Map<String, Object> body = Referrals.of(Referrals.newStudentId());
        put(body, "student.firstName", MARKUP);
        put(body, "student.lastName", SQL);
        put(body, "referredBy.name", "<img src=x onerror=alert(1)>");
        put(body, "reason", "Reads " + MARKUP + " and " + SQL + " aloud.");

        Answer referred = send(post("markup and SQL", "/api/referrals", body).expect(201, null));
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String caseId = referred.json().path("caseId").asText();

        JsonNode shown = coordinator.get("/api/cases/" + caseId).json();
        assertThat(shown.path("student").path("firstName").asText()).isEqualTo(MARKUP);
        assertThat(shown.path("student").path("lastName").asText()).isEqualTo(SQL);
        assertThat(shown.path("referrals").get(0).path("reason").asText())
                .isEqualTo("Reads " + MARKUP + " and " + SQL + " aloud.");
        assertThat(jdbc.queryForObject(
                        "select first_name from student where id = (select student_id from support_case"
                                + " where id = ?)",
                        String.class,
                        caseId))
                .isEqualTo(MARKUP);
        assertThat(jdbc.queryForObject("select count(*) from support_case", Integer.class))
                .as("the tables are all still there")
                .isPositive();
        JsonNode form = coordinator
                .get("/engine-rest/task/"
                        + Tasks.open(coordinator, caseId, "Triage the referral")
                                .path("id")
                                .asText() + "/form-variables")
                .json();
        assertThat(form.path("studentName").path("value").asText()).isEqualTo(MARKUP + " " + SQL);
        assertThat(coordinator.get("/api/cases/" + caseId + "/timeline").status())
                .isEqualTo(200);
    }

    @Test
    void theDashboardShowsWhatTheApiSaysAsTextNeverAsMarkup() throws IOException {
        Path dashboard = Path.of("src/main/resources/static/dashboard");
        List<String> markupSinks = new ArrayList<>();
        try (Stream<Path> files = Files.list(dashboard)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                String code = Files.readString(file);
                for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")) {
                    if (code.contains(sink)) {
                        markupSinks.add(file.getFileName() + ": " + sink);
                    }
                }
            }
        }
        assertThat(markupSinks)
                .as("API text is set with textContent, never parsed as HTML")
                .isEmpty();
        assertThat(Files.readString(dashboard.resolve("format.js"))).contains("textContent");
    }

    // ---- the fixtures: one case waiting at each step --------------------------------------------------------

    @BeforeAll
    void casesWaitingAtEachStep() {
        CaseDriver drive = CaseDriver.overHttp(port);
        LocalDate today = today();

        ids.put("{triage}", drive.aCase().id());
        Answer clock = send(post(
                        "a clock",
                        "/api/cases/" + ids.get("{triage}") + "/clocks",
                        map("kind", "records-request", "start", today.toString()))
                .expect(201, null));
        assertThat(clock.status()).as(clock.body()).isEqualTo(201);
        ids.put("{clock}", clock.json().path("clock").path("id").asText());

        ids.put("{consent}", drive.aCase().triaged().id());
        ids.put("{evaluating}", evaluating(drive, today).id());
        ids.put("{eligibility}", evaluating(drive, today).evaluated(today).id());
        ids.put("{scheduling}", eligible(drive, today).id());
        // the IEP drafted: the meeting is next
        ids.put(
                "{meeting}",
                eligible(drive, today).meetingScheduled(today).iepWritten(today).id());
        // the meeting scheduled: the IEP's draft is open
        ids.put("{writing}", eligible(drive, today).meetingScheduled(today).id());
        // the IEP in effect from today, its goal measured: data points and sessions may be recorded
        ids.put(
                "{inEffect}",
                eligible(drive, today)
                        .meetingScheduled(today)
                        .iepWritten(today)
                        .meetingHeld(today)
                        .servicesConsented(today)
                        .id());
        Tasks.await(
                "the IEP in effect",
                () -> send(get("the case", "/api/cases/{inEffect}").expect(200, null))
                        .json()
                        .path("phase")
                        .asText()
                        .equals("PLAN_IN_EFFECT"));
        String plan = send(get("the goals", "/api/cases/{inEffect}/goals").expect(200, null))
                .json()
                .get(0)
                .path("planId")
                .asText();
        ids.put("{goal}", plan + ".1");
        ids.put("{service}", plan + ".1");
        Answer measured = send(put("the measurement", "/api/cases/{inEffect}/goals/{goal}/measurement", measurement())
                .as("coordinator"));
        assertThat(measured.status()).as(measured.body()).isEqualTo(200);
    }

    /** How the fixture's goal is measured. */
    static Map<String, Object> measurement() {
        return map(
                "baseline", 40,
                "target", 60,
                "unit", "words correct per minute",
                "measuredHow", "One-minute oral reading fluency probe",
                "measuredEvery", "WEEKLY",
                "providerRole", "special-education-teacher");
    }

    /** The evaluation planned: two areas, cognitive (the school psychologist) and academic (the teacher). */
    private static CaseDriver.Case evaluating(CaseDriver drive, LocalDate today) {
        return drive.aCase().triaged().consented(today).evaluationPlanned("COGNITIVE", "ACADEMIC");
    }

    private static CaseDriver.Case eligible(CaseDriver drive, LocalDate today) {
        return evaluating(drive, today).evaluated(today).eligible(today);
    }

    // ---- sending, and fingerprinting the database ------------------------------------------------------------

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private Answer send(Bad bad) {
        String path = bad.path();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (bad.user() + ":" + bad.user()).getBytes(StandardCharsets.UTF_8)));
        if (bad.contentType() != null) {
            request.header("Content-Type", bad.contentType());
        }
        if (bad.accept() != null) {
            request.header("Accept", bad.accept());
        }
        request.method(
                bad.method(),
                bad.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(bad.body(), StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every table of the database, ours and the engine's, by a hash of all its rows. */
    private Map<String, String> fingerprint() {
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_type = 'BASE TABLE' order by table_name",
                String.class);
        assertThat(tables).contains("support_case", "act_ru_task", "act_hi_varinst");
        Map<String, String> hashes = new TreeMap<>();
        for (String table : tables) {
            if (!CHANGE_BY_DESIGN.contains(table.toLowerCase())) {
                hashes.put(
                        table,
                        jdbc.queryForObject(
                                "select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), ''))"
                                        + " from \"" + table + "\" t",
                                String.class));
            }
        }
        return hashes;
    }

    private static String query(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        put(copy, key, value);
        return copy;
    }

    /** Form values as the engine REST API takes them: lists as JSON variables, as Camunda Forms submit them. */
    private static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(
                name,
                value instanceof List<?> || value instanceof Map<?, ?>
                        ? Map.of("value", json(value), "type", "Json")
                        : Map.of("value", value)));
        return variables;
    }

    private static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
