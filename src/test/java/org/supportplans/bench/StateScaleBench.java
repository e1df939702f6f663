package org.supportplans.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.intake.IntakeService;

/**
 * A state on one service (issue 20): {@code bench.stateCases} cases (100,000 then 1,000,000) in 50 districts of
 * different sizes (one of 120 schools, one of 80, one of 60, seven of 30 and forty of 7: 750 schools, cases spread
 * evenly over them), copied in bulk by {@link BulkCases} from the templates of {@link CaseTemplates}. At each scale,
 * through HTTP:
 *
 * <ul>
 *   <li>Tasklist as a staff member of one school sees it (signed in to the web apps, session and CSRF token; the
 *       school's seeded coordinator and school psychologist, each in their role's group and their school's tenant):
 *       the first page of "My school's open tasks" and of "Due this week", as Tasklist asks for it ({@code POST
 *       /camunda/api/engine/engine/default/filter/{id}/list?firstResult=0&maxResults=15}, HAL: the page and the
 *       filter's count, which Tasklist shows beside the filter), due first; and PostgreSQL's plan of the two
 *       statements the engine sends for it ({@code EXPLAIN (ANALYZE, BUFFERS)}, the SQL and parameters taken from the
 *       engine's MyBatis log);
 *   <li>the deadlines of one school due within 14 days (its coordinator), a case's timeline (a different case each
 *       time, anywhere in the state);
 *   <li>the state's reports for the school year 2025-2026: evaluation timeliness (Indicator 11), step durations and
 *       clocks, as a district administrator who works in every district (at one school of each: DESIGN's role,
 *       whose reports cover every school of their districts; there is no state role), with no district filter;
 *   <li>the database's size, its largest tables, and how long the seeding took.
 * </ul>
 *
 * Writes {@code target/bench/state-scale.md}. Run alone (the profile's default run leaves it out):
 * {@code ./mvnw -Pbench verify -Dit.test=StateScaleBench -Dbench.database=support_plans_state_bench -Dexec.skip=true}.
 * System properties: {@code bench.stateCases} (100000,1000000), {@code bench.queryRuns} (200), {@code
 * bench.reportRuns} (10).
 */
@PostgresIntegrationTest
class StateScaleBench {

    /** Schools per district: a few large districts, many small ones. */
    static final List<Integer> SCHOOLS = schools();

    /** A school kept at 700 cases at every scale (PerformanceBench's schools have about 670 at 100,000 cases). */
    static final String SCHOOL = BulkCases.school(1, 1);

    static final int SCHOOL_CASES = 700;
    /** A school of the average size at each scale (its share of the cases). */
    static final String AVERAGE_SCHOOL = BulkCases.school(1, 2);

    static final String STATE_USER = "district-admin";
    static final String SCHOOL_YEAR_FROM = "2025-07-01";
    static final String SCHOOL_YEAR_TO = "2026-06-30";

    /** The filters staff open (people/RoleGroups), Tasklist's default one first. */
    static final List<String> FILTERS = List.of("Due this week", "My school's open tasks");

    private static final int SEED_BATCH = 100_000;
    private static final String TASK_MAPPER = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    private static final ObjectMapper JSON = new ObjectMapper();

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
    FilterService filters;

    @Autowired
    JdbcTemplate jdbc;

    private final List<Integer> caseCounts = Arrays.stream(
                    System.getProperty("bench.stateCases", "100000,1000000").split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .toList();
    private final int queryRuns = Integer.getInteger("bench.queryRuns", 200);
    private final int reportRuns = Integer.getInteger("bench.reportRuns", 10);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> log = new ArrayList<>();

    record Latency(double medianMs, double p95Ms, int runs, String answer) {}

    /** What one scale measured. */
    record Scale(
            int cases,
            double seedSeconds,
            String loadBefore,
            Map<String, Latency> latencies,
            long databaseBytes,
            List<String> largestTables,
            List<String> plans) {}

    @Test
    void aStateOnOneService() throws Exception {
        Files.createDirectories(PerformanceBench.OUT);
        LocalDate today = Referrals.today();
        CaseDrive drive = new CaseDrive(intake, runtime, tasks, forms, identity, jdbc);
        List<BulkCases.Template> templates = new CaseTemplates(drive, management, jdbc, port).driven(today);
        note("template case " + templates.get(2).caseId() + ": "
                + jdbc.queryForList("""
                        select resource_type_ || ' ' || coalesce(group_id_, user_id_) || ' ' || perms_
                        from act_ru_authorization a join act_ru_task t on t.id_ = a.resource_id_
                        join act_ru_execution e on e.id_ = t.proc_inst_id_ where e.business_key_ = ?
                        """, String.class, templates.get(2).caseId())
                + " (the evaluation's tasks' authorizations: resource type, group, permissions)");

        BulkCases bulk = new BulkCases(jdbc);
        bulk.districts(SCHOOLS);
        // the state's user: the demo district administrator (every school of district 1) at one school of each other
        jdbc.update("""
                insert into school_staff (school_id, user_id)
                select min(id), ? from school where district_id like 'bench-d%' and district_id <> ? group by district_id
                """, STATE_USER, BulkCases.district(1));
        // the measured school's own staff sign in with their user id as password
        for (String school : List.of(SCHOOL, AVERAGE_SCHOOL)) {
            for (String role : List.of("coordinator", "school-psychologist")) {
                User user =
                        identity.createUserQuery().userId(school + "-" + role).singleResult();
                user.setPassword(user.getId());
                identity.saveUser(user);
            }
        }
        // the hourly deadline sweep has swept today's bench districts: its work at this scale is not measured here
        jdbc.update("""
                insert into deadline_sweep (district_id, swept_on, swept_at)
                select id, (now() at time zone time_zone)::date, now() from district where id like 'bench-d%'
                """);

        List<Scale> scales = new ArrayList<>();
        for (int target : caseCounts) {
            long have = jdbc.queryForObject("select count(*) from support_case", Long.class);
            long started = System.nanoTime();
            if (scales.isEmpty()) {
                bulk.seed(templates, have, have + SCHOOL_CASES, SCHOOL);
                have += SCHOOL_CASES;
            }
            for (long from = have; from < target; from += SEED_BATCH) {
                bulk.seed(templates, from, Math.min(target, from + SEED_BATCH), "bench-d%", SCHOOL);
                note("seeded %,d of %,d cases, %.0f s"
                        .formatted(Math.min(target, from + SEED_BATCH), target, (System.nanoTime() - started) / 1e9));
            }
            jdbc.execute("vacuum analyze");
            double seconds = (System.nanoTime() - started) / 1e9;
            note("seeded to %,d cases in %.0f s (with vacuum analyze): %s"
                    .formatted(target, seconds, bulk.countsByPhase()));
            scales.add(measure(target, seconds));
            // after each scale: a run stopped at the next one keeps what it measured
            write(templates, scales);
        }
    }

    private Scale measure(int cases, double seedSeconds) throws Exception {
        String load = Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        Map<String, Latency> results = new LinkedHashMap<>();
        List<String> plans = new ArrayList<>();
        for (String school : List.of(SCHOOL, AVERAGE_SCHOOL)) {
            for (String role : List.of("coordinator", "school-psychologist")) {
                WebApps tasklist = WebApps.signIn(port, school + "-" + role);
                for (String filter : FILTERS) {
                    String id = filters.createFilterQuery()
                            .filterName(filter)
                            .singleResult()
                            .getId();
                    String path =
                            "/camunda/api/engine/engine/default/filter/" + id + "/list?firstResult=0&maxResults=15";
                    String body = """
                            {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],\
                            "sorting":[{"sortBy":"dueDate","sortOrder":"asc"}],"active":true}""";
                    String key = tasklistKey(school, role, filter);
                    results.put(key, time(queryRuns, n -> {
                        JsonNode json = read(tasklist.post(path, body));
                        return json.path("count").asLong() + " tasks, "
                                + json.path("_embedded").path("task").size() + " on the page";
                    }));
                    plans.add("**" + key + "** (" + results.get(key).answer() + "):\n\n"
                            + explained(n -> bytes(tasklist.post(path, body))));
                }
            }
        }
        assertThat(results.get(tasklistKey(SCHOOL, "coordinator", FILTERS.get(1)))
                        .answer())
                .as("the school's coordinator has open tasks to list")
                .doesNotStartWith("0 ");

        for (String school : List.of(SCHOOL, AVERAGE_SCHOOL)) {
            results.put(
                    "deadlines " + school,
                    time(
                            queryRuns,
                            n -> bytes(get(
                                    school + "-coordinator",
                                    "/api/deadlines?school=" + school + "&dueWithinDays=14"))));
        }
        List<String> sample = jdbc.queryForList("select id from support_case order by md5(id) limit 500", String.class);
        results.put(
                "timeline",
                time(
                        queryRuns,
                        n -> bytes(get(STATE_USER, "/api/cases/" + sample.get(n % sample.size()) + "/timeline"))));
        String year = "from=" + SCHOOL_YEAR_FROM + "&to=" + SCHOOL_YEAR_TO;
        results.put("timeliness", time(reportRuns, n -> {
            HttpResponse<String> response = get(STATE_USER, "/api/reports/evaluation-timeliness?" + year);
            JsonNode report = read(response);
            return report.path("consentsReceived").asText() + " consents, "
                    + report.path("percentWithinTimeline").asText() + " % within the timeline, "
                    + bytes(response);
        }));
        results.put("steps", time(reportRuns, n -> bytes(get(STATE_USER, "/api/reports/step-durations?" + year))));
        results.put("clocks", time(reportRuns, n -> bytes(get(STATE_USER, "/api/reports/clocks?" + year))));

        long size = jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
        List<String> largest = jdbc.queryForList("""
                select format('`%s` %s (%s rows)', c.relname, pg_size_pretty(pg_total_relation_size(c.oid)),
                              to_char(c.reltuples, 'FM999,999,999,999'))
                from pg_class c where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace
                order by pg_total_relation_size(c.oid) desc limit 8
                """, String.class);
        note("%,d cases: database %s; %s".formatted(cases, pretty(size), String.join(", ", largest)));
        return new Scale(cases, seedSeconds, load, results, size, largest, plans);
    }

    private static String tasklistKey(String school, String role, String filter) {
        return school + " " + role + ": " + filter;
    }

    // ---- timing -------------------------------------------------------------------------------------

    private interface Call {
        String run(int n) throws Exception;
    }

    /** A fifth of {@code runs} (at least 2) as warm-up, then {@code runs} timed calls; the answer of the last. */
    private Latency time(int runs, Call call) throws Exception {
        for (int n = 0; n < Math.max(2, runs / 5); n++) {
            call.run(n + 7919);
        }
        double[] ms = new double[runs];
        String answer = null;
        for (int n = 0; n < runs; n++) {
            long start = System.nanoTime();
            answer = call.run(n);
            ms[n] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new Latency(PerformanceBench.percentile(ms, 0.5), PerformanceBench.percentile(ms, 0.95), runs, answer);
    }

    /**
     * The statements the engine sends for one call (the task mapper's MyBatis log: SQL and parameters), each run
     * again under {@code EXPLAIN (ANALYZE, BUFFERS)} with its parameters in place.
     */
    private String explained(Call call) throws Exception {
        Logger mapper = (Logger) LoggerFactory.getLogger(TASK_MAPPER);
        Level before = mapper.getLevel();
        ListAppender<ILoggingEvent> statements = new ListAppender<>();
        statements.start();
        mapper.addAppender(statements);
        mapper.setLevel(Level.DEBUG);
        try {
            call.run(0);
        } finally {
            mapper.setLevel(before);
            mapper.detachAppender(statements);
        }
        StringBuilder out = new StringBuilder();
        String sql = null;
        for (ILoggingEvent event : statements.list) {
            String line = event.getFormattedMessage();
            if (line.contains("Preparing:")) {
                sql = line.substring(line.indexOf("Preparing:") + "Preparing:".length())
                        .strip();
            } else if (line.contains("Parameters:") && sql != null) {
                String bound = bind(sql, line.substring(line.indexOf("Parameters:") + "Parameters:".length()));
                out.append("```sql\n").append(bound).append("\n```\n\n```\n");
                jdbc.queryForList("explain (analyze, buffers) " + bound, String.class)
                        .forEach(row -> out.append(row).append('\n'));
                out.append("```\n\n");
                sql = null;
            }
        }
        return out.toString();
    }

    private static final Pattern PARAMETER = Pattern.compile("(.*?)\\((\\w+)\\)(?:, |$)");

    /** MyBatis's {@code a(String), 3(Integer), 2026-12-10 00:00:00.0(Timestamp)} in place of the statement's {@code ?}. */
    static String bind(String sql, String parameters) {
        List<String> values = new ArrayList<>();
        Matcher m = PARAMETER.matcher(parameters.strip());
        while (m.find() && !m.group(0).isEmpty()) {
            String type = m.group(2);
            String value = m.group(1);
            values.add(
                    type.equals("Integer") || type.equals("Long") || type.equals("Boolean")
                            ? value
                            : "'" + value.replace("'", "''") + "'");
        }
        StringBuilder bound = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            bound.append(c == '?' && next < values.size() ? values.get(next++) : String.valueOf(c));
        }
        return bound.toString().replaceAll("\\s+", " ");
    }

    // ---- HTTP ---------------------------------------------------------------------------------------

    private HttpResponse<String> get(String user, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Basic " + basic)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(
                        "GET " + path + " as " + user + ": " + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String bytes(HttpResponse<String> response) {
        return "%,d bytes".formatted(response.body().length());
    }

    private static JsonNode read(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /**
     * Signed in to the web apps as Tasklist's login page does it: the session cookie, and the CSRF token the web apps
     * last set (signing in starts a new session, whose token comes with the next call).
     */
    private record WebApps(HttpClient client, CookieManager cookies, String base) {

        static WebApps signIn(int port, String userId) throws Exception {
            CookieManager cookies = new CookieManager();
            WebApps webApps = new WebApps(
                    HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, "http://localhost:" + port);
            webApps.client.send(
                    HttpRequest.newBuilder(URI.create(webApps.base + "/camunda/api/admin/auth/user/default"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> login = webApps.client.send(
                    HttpRequest.newBuilder(
                                    URI.create(webApps.base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-XSRF-TOKEN", webApps.csrfToken())
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + userId + "&password=" + userId))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode())
                    .as("sign-in of %s: %s", userId, login.body())
                    .isEqualTo(200);
            // Tasklist's first call after signing in: its filters (and the signed-in session's CSRF token)
            webApps.client.send(
                    HttpRequest.newBuilder(URI.create(webApps.base
                                    + "/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=false"))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return webApps;
        }

        String csrfToken() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .reduce((first, last) -> last)
                    .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        }

        /** A POST as Tasklist sends it, answered in HAL (the page and the count). */
        HttpResponse<String> post(String path, String json) throws Exception {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/hal+json, application/json; q=0.5")
                            .header("X-XSRF-TOKEN", csrfToken())
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("POST " + path + ": " + response.statusCode() + " " + response.body() + " "
                        + response.headers().map());
            }
            return response;
        }
    }

    // ---- the table ----------------------------------------------------------------------------------

    private void write(List<BulkCases.Template> templates, List<Scale> scales) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("State scale (`StateScaleBench`) of ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES))
                .append(" on ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(jdbc.queryForObject("select split_part(version(), ' on ', 1)", String.class))
                .append(", Java ")
                .append(System.getProperty("java.version"))
                .append("; ")
                .append(SCHOOLS.size())
                .append(" districts, ")
                .append(SCHOOLS.stream().mapToInt(Integer::intValue).sum())
                .append(" schools. Median / 95th percentile in ms, through HTTP.\n\n");
        md.append("| what |");
        scales.forEach(s -> md.append(" %,d cases |".formatted(s.cases())));
        boolean ratio = scales.size() == 2;
        if (ratio) {
            md.append(" p95 ratio |");
        }
        md.append(" target |\n|---|");
        scales.forEach(s -> md.append("---|"));
        md.append(ratio ? "---|---|\n" : "---|\n");
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String school : List.of(SCHOOL, AVERAGE_SCHOOL)) {
            String size = school.equals(SCHOOL)
                    ? "a school of %,d cases".formatted(SCHOOL_CASES)
                    : "a school of average size";
            for (String role : List.of("coordinator", "school-psychologist")) {
                for (String filter : FILTERS) {
                    rows.put(tasklistKey(school, role, filter), new String[] {
                        "Tasklist, " + role + " of " + size + ": \"" + filter + "\", first page and count",
                        "p95 < 100 ms at 1M, ratio < 2"
                    });
                }
            }
            rows.put(
                    "deadlines " + school,
                    new String[] {"deadlines due within 14 days, " + size + " (its coordinator)", "p95 < 50 ms"});
        }
        rows.put("timeline", new String[] {"a case's timeline (a different case each time)", "p95 < 50 ms"});
        rows.put(
                "timeliness",
                new String[] {"evaluation timeliness (Indicator 11), the state, school year 2025-2026", "< 2 s"});
        rows.put("steps", new String[] {"step durations, the state, school year 2025-2026", "< 2 s"});
        rows.put("clocks", new String[] {"clocks, the state, school year 2025-2026", "< 2 s"});
        rows.forEach((key, label) -> {
            md.append("| ").append(label[0]).append(" |");
            for (Scale s : scales) {
                Latency l = s.latencies().get(key);
                md.append(" %.1f / %.1f |".formatted(l.medianMs(), l.p95Ms()));
            }
            if (ratio) {
                md.append(" %.2f |"
                        .formatted(scales.get(1).latencies().get(key).p95Ms()
                                / scales.get(0).latencies().get(key).p95Ms()));
            }
            md.append(' ').append(label[1]).append(" |\n");
        });
        md.append("\n| | ");
        scales.forEach(s -> md.append(" %,d cases |".formatted(s.cases())));
        md.append("\n|---|");
        scales.forEach(s -> md.append("---|"));
        md.append("\n| seeding (with `vacuum analyze`) |");
        scales.forEach(s -> md.append(" %.0f s |".formatted(s.seedSeconds())));
        md.append("\n| database (`pg_database_size`) |");
        scales.forEach(s -> md.append(" %s |".formatted(pretty(s.databaseBytes()))));
        md.append("\n| largest tables (with indexes) |");
        scales.forEach(s -> md.append(" %s |".formatted(String.join("; ", s.largestTables()))));
        md.append("\n| load average before measuring (`/proc/loadavg`) |");
        scales.forEach(s -> md.append(" %s |".formatted(s.loadBefore())));
        md.append("\n\nWhat each answered (the last call):\n\n");
        for (Scale s : scales) {
            s.latencies()
                    .forEach((key, l) -> md.append(
                            "- %,d cases, %s: %s (%d runs)\n".formatted(s.cases(), key, l.answer(), l.runs())));
        }
        md.append("\nThe cases: ").append(BulkCases.describe(templates)).append(".\n");
        for (Scale s : scales) {
            md.append("\n### Tasklist's statements at %,d cases\n\n".formatted(s.cases()));
            s.plans().forEach(plan -> md.append(plan).append('\n'));
        }
        md.append("\n<details><summary>Log</summary>\n\n```\n")
                .append(String.join("\n", log))
                .append("\n```\n</details>\n");
        Files.writeString(PerformanceBench.OUT.resolve("state-scale.md"), md.toString());
        System.out.println(md);
    }

    private void note(String line) {
        System.out.println("[bench] " + line);
        log.add(line);
    }

    private static String pretty(long bytes) {
        return bytes >= 1L << 30
                ? "%.1f GB".formatted(bytes / (double) (1L << 30))
                : "%.0f MB".formatted(bytes / 1048576.0);
    }

    private static List<Integer> schools() {
        List<Integer> schools = new ArrayList<>(List.of(120, 80, 60));
        for (int d = 4; d <= 10; d++) {
            schools.add(30);
        }
        for (int d = 11; d <= 50; d++) {
            schools.add(7);
        }
        return List.copyOf(schools);
    }
}
