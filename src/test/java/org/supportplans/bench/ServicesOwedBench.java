package org.supportplans.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.intake.IntakeService;

/**
 * The services-owed report at a district's scale (issue 19): one district of {@code bench.owedSchools} schools (150;
 * a district of 100,000 students with IEPs has hundreds of schools) with {@code bench.owedCases}
 * cases (100,000) whose IEP has been in effect for the past year (a template case driven by the service to an IEP in
 * effect, copied in bulk by {@link BulkCases} with its dates moved back 365 days: one service, specialized reading
 * instruction, 45 minutes DAILY), and a year of sessions, two a week for each (Mondays and Wednesdays of the past
 * year, about 104 a case: about 10 million rows; every 17th missed, the student absent), added up per service and
 * week as the migration V18_2 does. Then {@code GET /api/reports/services-owed} for each school of the district
 * (about 670 cases each; with {@code -Dbench.owedSchools=15}, 6,650 each, about ten times the students with IEPs of
 * a large high school), through HTTP as a district administrator, for a quarter and for the whole year: a page of 50
 * rows with their weeks (what a screen asks), every row without weeks ({@code weeks=false}, what the dashboard
 * asks), every row with its weeks (the whole answer): median and 95th percentile with the load average, and the plan
 * of the year's query of minutes delivered per service ({@code EXPLAIN (ANALYZE, BUFFERS)}). Writes
 * {@code target/bench/services-owed.md}.
 *
 * <p>Run alone: {@code ./mvnw -Pbench verify -Dit.test=ServicesOwedBench -Dbench.database=support_plans_owed_bench}.
 * System properties: {@code bench.owedCases} (100000), {@code bench.owedSchools} (150),
 * {@code bench.owedRounds} (5 rounds of the schools).
 */
@PostgresIntegrationTest
class ServicesOwedBench {

    static final String DISTRICT = "owed-bench";

    /**
     * The report's query of the minutes delivered per service over the period's whole weeks, as
     * {@code ServicesOwedReport} sends it without the weeks (the days of a week cut by the period come from the
     * sessions).
     */
    static final String DELIVERED_IN_WHOLE_WEEKS = """
            select plan_id, service_number, sum(delivered), sum(made_up), min(first_day), max(last_day), 0
            from service_minutes_week where school_id = ? and week_of between ? and ?
            group by plan_id, service_number
            """;

    @LocalServerPort
    int port;

    @Autowired
    IntakeService intake;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    FormService forms;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    private final int cases = Integer.getInteger("bench.owedCases", 100_000);
    private final int schoolCount = Integer.getInteger("bench.owedSchools", 150);
    private final int rounds = Integer.getInteger("bench.owedRounds", 5);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> notes = new ArrayList<>();

    @Test
    void servicesOwedAtADistrictsScale() throws Exception {
        Files.createDirectories(PerformanceBench.OUT);
        LocalDate today = Referrals.today();
        CaseDrive drive = new CaseDrive(intake, runtime, tasks, forms, identity, jdbc);
        String template = drive.productCase("lincoln-elementary", CaseDrive.Stop.IEP_IN_EFFECT, today);
        awaitJobs();
        district(schoolCount);

        long started = System.nanoTime();
        new BulkCases(jdbc)
                .seed(
                        List.of(new BulkCases.Template(template, "IEP in effect for a year", 100, 365, 365)),
                        0,
                        cases,
                        DISTRICT + "-s%");
        note("seeded %,d cases in %.0f s".formatted(cases, (System.nanoTime() - started) / 1e9));

        started = System.nanoTime();
        int sessions = jdbc.execute((ConnectionCallback<Integer>) this::seedSessions);
        note("seeded %,d sessions in %.0f s".formatted(sessions, (System.nanoTime() - started) / 1e9));
        started = System.nanoTime();
        // their sums per service and week, as the migration that made the table (V18_2) adds up sessions logged before
        int serviceWeeks = jdbc.update(new String(
                getClass()
                        .getResourceAsStream("/db/vendor/postgresql/V18_2__service_minutes_week_sums.sql")
                        .readAllBytes(),
                StandardCharsets.UTF_8));
        note("added them up into %,d service-weeks in %.0f s"
                .formatted(serviceWeeks, (System.nanoTime() - started) / 1e9));
        started = System.nanoTime();
        jdbc.execute("vacuum analyze");
        note("vacuum analyze in %.0f s".formatted((System.nanoTime() - started) / 1e9));
        assertThat(sessions).isGreaterThan(cases * 90);

        LocalDate yearFrom = today.minusDays(365);
        LocalDate quarterFrom = today.minusDays(91);
        List<String> schools =
                jdbc.queryForList("select id from school where district_id = ? order by id", String.class, DISTRICT);
        List<String> timings = List.of(
                time("a quarter, a page of 50 rows with their weeks", schools, quarterFrom, today, "&size=50"),
                time("a quarter, every row without weeks (`weeks=false`)", schools, quarterFrom, today, "&weeks=false"),
                time("a quarter, every row with its weeks", schools, quarterFrom, today, ""),
                time("the year, a page of 50 rows with their weeks", schools, yearFrom, today, "&size=50"),
                time("the year, every row without weeks (`weeks=false`)", schools, yearFrom, today, "&weeks=false"),
                time("the year, every row with its weeks", schools, yearFrom, today, ""));
        note("the bench database: %s (`pg_database_size`)"
                .formatted(jdbc.queryForObject(
                        "select pg_size_pretty(pg_database_size(current_database()))", String.class)));

        String plan = String.join(
                "\n",
                jdbc.queryForList(
                        "explain (analyze, buffers) " + DELIVERED_IN_WHOLE_WEEKS,
                        String.class,
                        schools.get(0),
                        java.sql.Date.valueOf(yearFrom.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))),
                        java.sql.Date.valueOf(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))
                                .minusDays(6))));
        long casesPerSchool = jdbc.queryForObject(
                "select count(*) from support_case where school_id = ?", Long.class, schools.get(0));
        long sessionsPerSchool = jdbc.queryForObject(
                "select count(*) from service_session where school_id = ?", Long.class, schools.get(0));
        String result = """
                ## Services owed at a district's scale

                %,d cases in one district of %d schools (%,d cases, %,d sessions at %s), %,d sessions in all.
                `GET /api/reports/services-owed?school=&from=&to=` as a district administrator, each school %d times:

                | period | median ms | p95 ms | runs | answer | load average before / after |
                |---|---|---|---|---|---|
                %s

                The query of the minutes delivered per service in the year's whole weeks, for %s:

                ```
                %s
                ```

                %s
                """.formatted(
                        cases,
                        schools.size(),
                        casesPerSchool,
                        sessionsPerSchool,
                        schools.get(0),
                        sessions,
                        rounds,
                        String.join("\n", timings),
                        schools.get(0),
                        plan,
                        String.join("\n", notes));
        Files.writeString(PerformanceBench.OUT.resolve("services-owed.md"), result);
        System.out.println(result);
    }

    /**
     * A year of sessions, two a week for each case of the district (Mondays and Wednesdays, every 17th missed), in
     * the order the providers log them (month by month, every school at once), loaded as bulk loads are: on one
     * connection of the superuser with {@code session_replication_role = replica}, so the three foreign keys
     * (case, school, plan) are not checked row by row, and with the table's secondary indexes dropped and built
     * again afterwards from their own definitions ({@code pg_get_indexdef}). Then one query checks that every
     * session's case, school and plan exist, as the foreign keys would have.
     */
    private int seedSessions(Connection connection) throws SQLException {
        int inserted = 0;
        try (Statement sql = connection.createStatement()) {
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("""
                    select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                    where i.indrelid = 'service_session'::regclass
                    and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                    """)) {
                while (rs.next()) {
                    sql.addBatch("drop index " + rs.getString(1));
                    indexes.add(rs.getString(2));
                }
            }
            sql.executeBatch();
            sql.execute("set session_replication_role = replica");
            try (PreparedStatement month = connection.prepareStatement("""
                    insert into service_session (case_id, school_id, plan_id, service_number, session_date, minutes,
                                                 status, missed_reason, make_up, note, provider_id, recorded_at)
                    select c.id, c.school_id, p.id, ps.position + 1, d::date, ps.minutes,
                           case when (abs(hashtext(c.id)) + (d::date - ps.starts_on)) % 17 = 0
                                then 'MISSED' else 'DELIVERED' end,
                           case when (abs(hashtext(c.id)) + (d::date - ps.starts_on)) % 17 = 0
                                then 'STUDENT_ABSENT' end,
                           false, null, c.school_id || '-special-education-teacher', d::date + time '10:00'
                    from support_case c
                    join support_plan p on p.case_id = c.id and p.status = 'IN_EFFECT'
                    join plan_service ps on ps.plan_id = p.id
                    cross join lateral generate_series(greatest(ps.starts_on, ?::date),
                        least(ps.ends_on, current_date - 1, ?::date), interval '1 day') d
                    where c.school_id like ? and extract(isodow from d) in (1, 3)
                    """)) {
                LocalDate first = Referrals.today().minusYears(2).withDayOfMonth(1);
                for (LocalDate m = first; m.isBefore(Referrals.today()); m = m.plusMonths(1)) {
                    month.setObject(1, m);
                    month.setObject(2, m.plusMonths(1).minusDays(1));
                    month.setString(3, DISTRICT + "-s%");
                    inserted += month.executeUpdate();
                }
            } finally {
                sql.execute("set session_replication_role = origin");
            }
            sql.execute("set maintenance_work_mem = '512MB'");
            for (String index : indexes) {
                sql.execute(index);
            }
            sql.execute("reset maintenance_work_mem");
            try (ResultSet rs = sql.executeQuery("""
                    select count(*) from service_session ss
                    where not exists (select 1 from support_case c where c.id = ss.case_id)
                    or not exists (select 1 from school s where s.id = ss.school_id)
                    or not exists (select 1 from support_plan p where p.id = ss.plan_id)
                    """)) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("sessions without their case, school or plan")
                        .isZero();
            }
        }
        return inserted;
    }

    /** Each school {@code rounds} times after one warm-up round: a row of the table. */
    private String time(String label, List<String> schools, LocalDate from, LocalDate to, String query)
            throws IOException {
        for (String school : schools) {
            get(school, from, to, query);
        }
        String loadBefore = loadAverage();
        double[] ms = new double[schools.size() * rounds];
        int bytes = 0;
        for (int round = 0; round < rounds; round++) {
            for (int s = 0; s < schools.size(); s++) {
                long start = System.nanoTime();
                HttpResponse<String> response = get(schools.get(s), from, to, query);
                ms[round * schools.size() + s] = (System.nanoTime() - start) / 1e6;
                bytes = response.body().length();
            }
        }
        Arrays.sort(ms);
        return "| %s (%s to %s) | %.0f | %.0f | %d | %,d bytes | %s / %s |"
                .formatted(
                        label,
                        from,
                        to,
                        PerformanceBench.percentile(ms, 0.5),
                        PerformanceBench.percentile(ms, 0.95),
                        ms.length,
                        bytes,
                        loadBefore,
                        loadAverage());
    }

    /** The machine's load average over the last minute ({@code /proc/loadavg}). */
    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** A district of the demo district's calendars, with its district administrator the demo one. */
    private void district(int schools) {
        jdbc.update(
                "insert into district (id, name, state, time_zone) values (?, 'Owed bench district', 'CO',"
                        + " 'America/Denver')",
                DISTRICT);
        jdbc.update(
                "insert into school (id, district_id, name) select ? || '-s' || lpad(s::text, 3, '0'), ?,"
                        + " 'School ' || s from generate_series(1, ?) s",
                DISTRICT,
                DISTRICT,
                schools);
        jdbc.update("""
                insert into school_calendar (district_id, school_year, first_day, last_day, updated_at, version)
                select ?, school_year, first_day, last_day, updated_at, 0 from school_calendar
                where district_id = 'demo-district'
                """, DISTRICT);
        jdbc.update("""
                insert into no_school_day (district_id, school_year, from_day, to_day, name)
                select ?, school_year, from_day, to_day, name from no_school_day where district_id = 'demo-district'
                """, DISTRICT);
        jdbc.update(
                "insert into school_staff (school_id, user_id) select id, 'district-admin' from school"
                        + " where district_id = ?",
                DISTRICT);
    }

    private HttpResponse<String> get(String school, LocalDate from, LocalDate to, String query) {
        String basic =
                Base64.getEncoder().encodeToString("district-admin:district-admin".getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/services-owed?school="
                                    + school + "&from=" + from + "&to=" + to + query))
                            .header("Authorization", "Basic " + basic)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(school + ": " + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitJobs() throws InterruptedException {
        for (int i = 0; i < 600 && management.createJobQuery().executable().count() > 0; i++) {
            Thread.sleep(100);
        }
    }

    /** A line of the result, with the load average of the moment. */
    private void note(String line) throws IOException {
        notes.add("- " + line + " (load average " + loadAverage() + ")");
        System.out.println(line);
    }
}
