package org.supportplans.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.AnnualReviewDue;
import org.supportplans.CaseDriver;
import org.supportplans.Http;
import org.supportplans.IepInEffect;
import org.supportplans.PinnedToday;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Tasks;
import org.supportplans.progress.ProgressReports;

/**
 * What a case keeps in the database (issue 20, "Footprint"): rows and bytes per case once its IEP is in effect, and
 * what a year between reviews adds, as the staff would make them through the API and Tasklist, on the demo
 * district's 2026-2027 calendar:
 *
 * <ol>
 *   <li>{@code bench.footprintCases} cases (10) referred and driven to an IEP in effect on Monday 14 September 2026
 *       (two goals; reading 20 minutes daily by the special education teacher, speech 30 minutes weekly by the
 *       speech-language pathologist);
 *   <li>their school year: each goal's measurement set, a data point per goal each school week, a session logged
 *       for every school day's reading and every week's speech, a progress report written each quarter (the
 *       district's four periods), then the annual review held when its task opens (30 days before the
 *       anniversary), writing the next year's IEP.
 * </ol>
 *
 * Measured after each part, with the job executor idle and the tables compacted ({@code VACUUM FULL}): the rows
 * each table holds ({@code count(*)}) and its bytes on disk with indexes and TOAST ({@code
 * pg_total_relation_size}), and the rows written meanwhile ({@code pg_stat_user_tables}). Per case: the difference
 * divided by the cases. Writes {@code target/bench/footprint.md}.
 *
 * <p>Run alone: {@code ./mvnw -Pbench verify -Dit.test=FootprintBench -Dbench.database=support_plans_footprint
 * -Dexec.skip=true}.
 */
@PostgresIntegrationTest
@ExtendWith(PinnedToday.class)
class FootprintBench {

    static final LocalDate MEETING = LocalDate.of(2026, 9, 14);
    static final String SCHOOL_YEAR = "2026-2027";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProgressReports reports;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    private final int cases = Integer.getInteger("bench.footprintCases", 10);
    private final List<String> notes = new ArrayList<>();

    @Test
    void rowsAndBytesOfACaseAndOfItsYear() throws Exception {
        Files.createDirectories(PerformanceBench.OUT);
        Http coordinator = Http.as(port, "coordinator");
        Http teacher = Http.as(port, "special-education-teacher");
        Http speech = Http.as(port, "speech-language-pathologist");
        List<LocalDate> schoolDays = schoolDays();
        List<LocalDate> quarterEnds = quarterEnds(schoolDays);
        Http.Response periods = Http.as(port, "district-admin")
                .put(
                        "/api/districts/demo-district/reporting-periods/" + SCHOOL_YEAR,
                        Map.of(
                                "reportDueSchoolDays",
                                10,
                                "periods",
                                List.of(
                                        Map.of(
                                                "name",
                                                "Quarter 1",
                                                "endsOn",
                                                quarterEnds.get(0).toString()),
                                        Map.of(
                                                "name",
                                                "Quarter 2",
                                                "endsOn",
                                                quarterEnds.get(1).toString()),
                                        Map.of(
                                                "name",
                                                "Quarter 3",
                                                "endsOn",
                                                quarterEnds.get(2).toString()),
                                        Map.of(
                                                "name",
                                                "Quarter 4",
                                                "endsOn",
                                                quarterEnds.get(3).toString()))));
        assertThat(periods.status()).as(periods.body()).isEqualTo(200);

        PinnedToday.moveTo(MEETING);
        Snapshot empty = snapshot();

        // 1. the cases to an IEP in effect
        long started = System.nanoTime();
        List<String> caseIds = new ArrayList<>();
        for (int n = 0; n < cases; n++) {
            caseIds.add(anIepInEffect(coordinator));
        }
        note("%d cases to an IEP in effect in %.0f s".formatted(cases, (System.nanoTime() - started) / 1e9));
        Snapshot inEffect = snapshot();

        // 2. their school year
        started = System.nanoTime();
        Map<String, Plan> plans = new LinkedHashMap<>();
        for (String caseId : caseIds) {
            plans.put(caseId, measured(coordinator, caseId));
        }
        LocalDate from = MEETING;
        int sessions = 0;
        int dataPoints = 0;
        for (int quarter = 0; quarter < 4; quarter++) {
            LocalDate end = quarterEnds.get(quarter);
            PinnedToday.moveTo(end);
            for (Map.Entry<String, Plan> entry : plans.entrySet()) {
                Plan plan = entry.getValue();
                String caseId = entry.getKey();
                Set<LocalDate> weeksMeasured = new TreeSet<>();
                for (LocalDate day : schoolDays) {
                    if (day.isBefore(from) || day.isAfter(end)) {
                        continue;
                    }
                    created(teacher.post(
                            "/api/cases/" + caseId + "/services/" + plan.reading() + "/sessions",
                            Map.of("date", day.toString(), "minutes", 20, "status", "DELIVERED")));
                    sessions++;
                    LocalDate monday = day.with(DayOfWeek.MONDAY);
                    if (weeksMeasured.add(monday)) {
                        created(speech.post(
                                "/api/cases/" + caseId + "/services/" + plan.speech() + "/sessions",
                                Map.of("date", day.toString(), "minutes", 30, "status", "DELIVERED")));
                        sessions++;
                        // a little above the line from baseline to target: on track
                        double share = (day.toEpochDay() - MEETING.toEpochDay()) / 365.0;
                        IepInEffect.dataPoint(
                                teacher, caseId, plan.readingGoal(), day.toString(), Math.round(40 + 20 * share + 1));
                        IepInEffect.dataPoint(
                                teacher,
                                caseId,
                                plan.writingGoal(),
                                day.toString(),
                                Math.round(10 + 30 * share + 5) / 10.0);
                        dataPoints += 2;
                    }
                }
            }
            // the period's reports open the school day after it ended; the case manager writes each
            LocalDate after = schoolDays.stream()
                    .filter(day -> day.isAfter(end))
                    .findFirst()
                    .orElse(end.plusDays(3));
            PinnedToday.moveTo(after);
            reports.openDue(); // the service's hourly job may have opened them first, once the clock moved
            for (String caseId : caseIds) {
                Tasks.await(
                        "the progress report of case " + caseId,
                        () -> Tasks.all(teacher, caseId).stream()
                                .anyMatch(task -> task.path("name").asText().equals("Write the progress report")));
                Tasks.done(
                        teacher,
                        caseId,
                        "Write the progress report",
                        Map.of(
                                "progressComments",
                                "Both goals are on track; reading fluency rose again this quarter."));
            }
            from = end.plusDays(1);
        }
        // the annual review: its task opens 30 days before the anniversary of the meeting
        LocalDate review = MEETING.plusYears(1).minusDays(30);
        PinnedToday.moveTo(review);
        for (String caseId : caseIds) {
            AnnualReviewDue.now(runtime, management, coordinator, caseId);
            CaseDriver.overHttp(port).theCase(caseId).annualReviewHeld(review);
        }
        note("their school year (%d sessions, %d data points, %d progress reports, %d annual reviews) in %.0f s"
                .formatted(sessions, dataPoints, 4 * cases, cases, (System.nanoTime() - started) / 1e9));
        Snapshot aYearOn = snapshot();

        write(empty, inEffect, aYearOn, sessions, dataPoints);
    }

    // ---- driving ------------------------------------------------------------------------------------

    private String anIepInEffect(Http coordinator) {
        Map<String, Object> iep = CaseDriver.Forms.iep(MEETING);
        String ends = MEETING.plusYears(1).minusDays(1).toString();
        iep.put(
                "annualGoals",
                "Reads second-grade text at 60 words correct per minute by June.\n\n"
                        + "Writes a five-sentence paragraph with a topic sentence in 4 of 5 probes.");
        iep.put(
                "services",
                List.of(
                        Map.of(
                                "service", "Speech-language therapy",
                                "providerRole", "speech-language-pathologist",
                                "minutes", 30,
                                "frequency", "WEEKLY",
                                "setting", "RELATED_SERVICES_ROOM",
                                "startsOn", MEETING.toString(),
                                "endsOn", ends),
                        Map.of(
                                "service", "Specialized reading instruction",
                                "providerRole", "special-education-teacher",
                                "minutes", 20,
                                "frequency", "DAILY",
                                "setting", "SPECIAL_EDUCATION",
                                "startsOn", MEETING.toString(),
                                "endsOn", ends)));
        String caseId = CaseDriver.overHttp(port)
                .aCase()
                .triaged()
                .consented(MEETING)
                .evaluationPlanned("COGNITIVE")
                .areaEvaluated("school-psychologist", MEETING, "Average reasoning, weak decoding.")
                .eligible(MEETING)
                .meetingScheduled(MEETING)
                .iepWritten(iep)
                .meetingHeld(MEETING)
                .servicesConsented(MEETING)
                .id();
        Tasks.await(
                "the IEP in effect",
                () -> coordinator
                        .get("/api/cases/" + caseId)
                        .json()
                        .path("phase")
                        .asText()
                        .equals("PLAN_IN_EFFECT"));
        return caseId;
    }

    /** The services' and goals' ids of the case's IEP in effect; each goal's measurement set. */
    record Plan(String speech, String reading, String readingGoal, String writingGoal) {}

    private Plan measured(Http coordinator, String caseId) {
        List<String> goals = IepInEffect.readingAndWritingMeasured(coordinator, caseId);
        String planId = goals.get(0).substring(0, goals.get(0).indexOf('.')); // a goal is "<planId>.<n>"
        return new Plan(planId + ".1", planId + ".2", goals.get(0), goals.get(1));
    }

    private static void created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    /** The demo district's school days of 2026-2027: its calendar's weekdays, less its days without school. */
    private List<LocalDate> schoolDays() {
        Map<String, Object> year = jdbc.queryForMap(
                "select first_day, last_day from school_calendar where district_id = 'demo-district' and school_year = ?",
                SCHOOL_YEAR);
        List<LocalDate[]> closed = jdbc.query(
                "select from_day, to_day from no_school_day where district_id = 'demo-district' and school_year = ?",
                (row, n) -> new LocalDate[] {
                    row.getDate(1).toLocalDate(), row.getDate(2).toLocalDate()
                },
                SCHOOL_YEAR);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = ((java.sql.Date) year.get("first_day")).toLocalDate();
                !day.isAfter(((java.sql.Date) year.get("last_day")).toLocalDate());
                day = day.plusDays(1)) {
            LocalDate d = day;
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend && closed.stream().noneMatch(c -> !d.isBefore(c[0]) && !d.isAfter(c[1]))) {
                days.add(d);
            }
        }
        return days;
    }

    /** Four quarters: the last school day on or before mid-October, mid-December, mid-March, and the year's last. */
    private static List<LocalDate> quarterEnds(List<LocalDate> schoolDays) {
        List<LocalDate> ends = new ArrayList<>();
        for (LocalDate target :
                List.of(LocalDate.of(2026, 10, 16), LocalDate.of(2026, 12, 18), LocalDate.of(2027, 3, 12))) {
            ends.add(schoolDays.stream()
                    .filter(day -> !day.isAfter(target))
                    .max(Comparator.naturalOrder())
                    .orElseThrow());
        }
        ends.add(schoolDays.get(schoolDays.size() - 1));
        return ends;
    }

    // ---- measuring ----------------------------------------------------------------------------------

    /** Per table: rows held, bytes on disk (indexes and TOAST included), rows written so far. */
    record Snapshot(Map<String, Long> rows, Map<String, Long> bytes, Map<String, Long> written) {}

    private Snapshot snapshot() throws InterruptedException {
        awaitJobs();
        jdbc.execute("vacuum full");
        Thread.sleep(1_500); // PostgreSQL flushes its table counters at most once a second
        jdbc.execute("select pg_stat_clear_snapshot()");
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        Map<String, Long> written = new LinkedHashMap<>();
        jdbc.query("""
                select relname, pg_total_relation_size(relid), n_tup_ins + n_tup_upd + n_tup_del
                from pg_stat_user_tables where schemaname = 'public' and relname <> 'flyway_schema_history'
                """, row -> {
            String table = row.getString(1).toLowerCase(java.util.Locale.ROOT);
            bytes.put(table, row.getLong(2));
            written.put(table, row.getLong(3));
        });
        for (String table : bytes.keySet()) {
            rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return new Snapshot(rows, bytes, written);
    }

    private void awaitJobs() throws InterruptedException {
        long giveUp = System.nanoTime() + 300_000_000_000L;
        while (management.createJobQuery().executable().count() > 0) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the job executor did not finish the due jobs in 5 minutes");
            }
            Thread.sleep(10);
        }
    }

    private static double perCase(Map<String, Long> after, Map<String, Long> before, String table, int cases) {
        return (after.getOrDefault(table, 0L) - before.getOrDefault(table, 0L)) / (double) cases;
    }

    private static double total(Map<String, Long> after, Map<String, Long> before, int cases) {
        return after.keySet().stream()
                        .mapToLong(t -> after.get(t) - before.getOrDefault(t, 0L))
                        .sum()
                / (double) cases;
    }

    /** The engine's runtime tables ({@code act_ru_*}, {@code act_ge_*}), its history ({@code act_hi_*}), or ours. */
    private static String owner(String table) {
        if (table.startsWith("act_hi_")) {
            return "engine history";
        }
        return table.startsWith("act_") ? "engine runtime" : "ours";
    }

    private double owned(String owner, Map<String, Long> after, Map<String, Long> before) {
        return after.keySet().stream()
                        .filter(table -> owner(table).equals(owner))
                        .mapToLong(table -> after.get(table) - before.getOrDefault(table, 0L))
                        .sum()
                / (double) cases;
    }

    private void write(Snapshot empty, Snapshot inEffect, Snapshot aYearOn, int sessions, int dataPoints)
            throws java.io.IOException {
        double rowsInEffect = total(inEffect.rows(), empty.rows(), cases);
        double bytesInEffect = total(inEffect.bytes(), empty.bytes(), cases);
        double writtenInEffect = total(inEffect.written(), empty.written(), cases);
        double rowsYear = total(aYearOn.rows(), inEffect.rows(), cases);
        double bytesYear = total(aYearOn.bytes(), inEffect.bytes(), cases);
        double writtenYear = total(aYearOn.written(), inEffect.written(), cases);
        StringBuilder out = new StringBuilder();
        out.append("**Footprint** (`FootprintBench`, %d cases, %s): per case, rows held, bytes on disk (tables, indexes"
                        .formatted(cases, java.time.Instant.now())
                + " and TOAST after `VACUUM FULL`) and rows written (inserted, updated, deleted)\n\n");
        out.append("| | rows held | bytes | rows written |\n|---|---|---|---|\n");
        out.append("| a case to an IEP in effect | %.0f | %.1f KB | %.0f |\n"
                .formatted(rowsInEffect, bytesInEffect / 1024, writtenInEffect));
        out.append(
                "| its year between reviews (%d sessions, %d data points, 4 progress reports, the annual review) | %.0f | %.1f KB | %.0f |\n"
                        .formatted(sessions / cases, dataPoints / cases, rowsYear, bytesYear / 1024, writtenYear));
        out.append("| a district of 10,000 cases, a year of each (growth per year) | %.1f million | %.2f GB | |\n"
                .formatted(rowsYear * 10_000 / 1e6, bytesYear * 10_000 / (1024.0 * 1024 * 1024)));
        out.append("\nBy owner, per case:\n\n");
        out.append("| | rows, to an IEP in effect | KB | rows, its year | KB |\n|---|---|---|---|---|\n");
        for (String owner : List.of("engine runtime", "engine history", "ours")) {
            out.append("| %s | %.0f | %.1f | %.0f | %.1f |\n"
                    .formatted(
                            owner,
                            owned(owner, inEffect.rows(), empty.rows()),
                            owned(owner, inEffect.bytes(), empty.bytes()) / 1024,
                            owned(owner, aYearOn.rows(), inEffect.rows()),
                            owned(owner, aYearOn.bytes(), inEffect.bytes()) / 1024));
        }
        out.append("\nWhere the rows and bytes go, per case (tables of 1 row or 8 KB or more):\n\n");
        out.append("| table | rows, to an IEP in effect | KB | rows, its year | KB |\n|---|---|---|---|---|\n");
        aYearOn.bytes().keySet().stream()
                .sorted(Comparator.comparingDouble((String t) -> perCase(aYearOn.bytes(), empty.bytes(), t, cases))
                        .reversed())
                .forEach(table -> {
                    double r1 = perCase(inEffect.rows(), empty.rows(), table, cases);
                    double b1 = perCase(inEffect.bytes(), empty.bytes(), table, cases);
                    double r2 = perCase(aYearOn.rows(), inEffect.rows(), table, cases);
                    double b2 = perCase(aYearOn.bytes(), inEffect.bytes(), table, cases);
                    if (Math.abs(r1) >= 1 || Math.abs(r2) >= 1 || Math.abs(b1) >= 8192 || Math.abs(b2) >= 8192) {
                        out.append("| `%s` | %.1f | %.1f | %.1f | %.1f |\n"
                                .formatted(table, r1, b1 / 1024, r2, b2 / 1024));
                    }
                });
        out.append("\n");
        notes.forEach(line -> out.append("- ").append(line).append('\n'));
        Files.writeString(PerformanceBench.OUT.resolve("footprint.md"), out.toString());
        System.out.println(out);
    }

    private void note(String line) {
        notes.add(line);
        System.out.println(line);
    }
}
