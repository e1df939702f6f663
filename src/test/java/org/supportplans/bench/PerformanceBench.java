package org.supportplans.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.documents.DocumentKind;
import org.supportplans.documents.RenderingFigures;
import org.supportplans.intake.IntakeService;

/**
 * The benchmarks of issue 7, run by {@code ./mvnw -Pbench verify} (never by the tests): case throughput of
 * the product against a bare process on the same engine and database, then the coordinators' queries at
 * 10,000 and 100,000 cases, measured through HTTP as the dashboard calls them. Writes
 * {@code target/bench/results.md} (with the start-up figures the profile measured just before).
 *
 * <p>System properties: {@code bench.warmupSeconds} (20), {@code bench.seconds} (40) per throughput
 * measurement, {@code bench.threads} (1,2), {@code bench.cases} (10000,100000), {@code bench.queryRuns} (200).
 */
@PostgresIntegrationTest
class PerformanceBench {

    static final Path OUT = Path.of("target", "bench");

    @TestConfiguration
    static class BareProcessDelegates {
        /** The bare process's delegates: nothing. */
        @Bean
        JavaDelegate benchNoOp() {
            return execution -> {};
        }
    }

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
    RepositoryService repository;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    private final int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 20);
    private final int seconds = Integer.getInteger("bench.seconds", 40);
    private final int queryRuns = Integer.getInteger("bench.queryRuns", 200);
    private final List<Integer> threadCounts = numbers(System.getProperty("bench.threads", "1,2"));
    private final List<Integer> caseCounts = numbers(System.getProperty("bench.cases", "10000,100000"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final StringBuilder log = new StringBuilder();
    private final Map<String, DatabaseWork> workPerCase = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> rowsPerTablePerCase = new LinkedHashMap<>();

    @Test
    void benchmark() throws Exception {
        Files.createDirectories(OUT);
        repository
                .createDeployment()
                .name("bench")
                .addClasspathResource("bench/bare-ten-tasks.bpmn")
                .deploy();
        CaseDrive drive = new CaseDrive(intake, runtime, tasks, forms, identity, jdbc);
        LocalDate today = Referrals.today();

        // 1. case throughput
        List<String> throughput = new ArrayList<>();
        for (int threads : threadCounts) {
            double bare = casesPerSecond("bare", threads, n -> drive.baselineCase());
            double product = casesPerSecond(
                    "product",
                    threads,
                    n -> drive.productCase("lincoln-elementary", CaseDrive.Stop.IEP_IN_EFFECT, today));
            throughput.add("| %d | %.1f | %.1f | %.1f | %.1f | **%.2f** |"
                    .formatted(
                            threads,
                            product,
                            product * CaseDrive.USER_TASKS,
                            bare,
                            bare * CaseDrive.USER_TASKS,
                            product / bare));
        }

        // 2. the queries at scale: templates driven by the service, copied in bulk
        List<BulkCases.Template> templates = new CaseTemplates(drive, management, jdbc, port).driven(today);
        BulkCases bulk = new BulkCases(jdbc);
        bulk.districts(10, 15);
        Map<Integer, Map<String, Latency>> byScale = new LinkedHashMap<>();
        for (int target : caseCounts) {
            long have = jdbc.queryForObject("select count(*) from support_case", Long.class);
            long started = System.nanoTime();
            bulk.seed(templates, have, Math.max(have, target));
            // what autovacuum would have done by now after a bulk load (this machine's PostgreSQL runs without it):
            // statistics for the planner, and the visibility map that lets an index-only scan skip the table
            jdbc.execute("vacuum analyze");
            note("seeded to %d cases in %.0f s: %s"
                    .formatted(target, (System.nanoTime() - started) / 1e9, bulk.countsByPhase()));
            byScale.put(target, queries());
        }

        // 3. rendering a document for a family (issue 16): the IEP, the longest, in English and in Spanish
        List<RenderingFigures.Figures> rendering = List.of(
                RenderingFigures.measure(DocumentKind.IEP, "en", 30, 200),
                RenderingFigures.measure(DocumentKind.IEP, "es", 30, 200),
                RenderingFigures.measure(DocumentKind.PRIOR_WRITTEN_NOTICE, "en", 30, 200));
        rendering.forEach(f -> note("rendered %s (%s) %d times: median %.1f ms, p95 %.1f ms, %d bytes"
                .formatted(f.kind(), f.language(), f.runs(), f.medianMs(), f.p95Ms(), f.bytes())));

        write(throughput, templates, byScale, rendering);
    }

    // ---- throughput -------------------------------------------------------------------------------

    /** Warm up, then cases completed in {@code seconds} and until the job executor has done their async steps. */
    private double casesPerSecond(String what, int threads, IntFunction<String> oneCase) throws Exception {
        run(threads, warmupSeconds, oneCase);
        awaitJobs();
        DatabaseWork before = databaseWork();
        Map<String, Long> tablesBefore = rowsWrittenPerTable();
        long start = System.nanoTime();
        long cases = run(threads, seconds, oneCase);
        awaitJobs();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rate = cases / elapsed;
        note("%s, %d thread(s): %d cases in %.1f s = %.2f/s".formatted(what, threads, cases, elapsed, rate));
        workPerCase.putIfAbsent(what, databaseWork().minus(before).per(cases));
        if (!rowsPerTablePerCase.containsKey(what)) {
            Map<String, Double> perTable = new LinkedHashMap<>();
            rowsWrittenPerTable().forEach((table, rows) -> {
                long written = rows - tablesBefore.getOrDefault(table, 0L);
                if (written > 0) {
                    perTable.put(table, (double) written / cases);
                }
            });
            rowsPerTablePerCase.put(what, perTable);
        }
        return rate;
    }

    /** PostgreSQL's counters of this database: transactions committed, rows written. */
    record DatabaseWork(double commits, double inserted, double updated, double deleted) {
        DatabaseWork minus(DatabaseWork other) {
            return new DatabaseWork(
                    commits - other.commits,
                    inserted - other.inserted,
                    updated - other.updated,
                    deleted - other.deleted);
        }

        DatabaseWork per(long cases) {
            return new DatabaseWork(commits / cases, inserted / cases, updated / cases, deleted / cases);
        }

        double written() {
            return inserted + updated + deleted;
        }
    }

    /** The database's counters, once every backend has reported (PostgreSQL flushes them at most once a second). */
    private DatabaseWork databaseWork() throws InterruptedException {
        Thread.sleep(1_500);
        jdbc.execute("select pg_stat_clear_snapshot()");
        return jdbc.queryForObject(
                """
                select xact_commit, tup_inserted, tup_updated, tup_deleted
                from pg_stat_database where datname = current_database()
                """, (row, n) -> new DatabaseWork(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)));
    }

    /** Rows written (inserted, updated, deleted) per table of this database, as PostgreSQL counts them. */
    private Map<String, Long> rowsWrittenPerTable() {
        jdbc.execute("select pg_stat_clear_snapshot()");
        Map<String, Long> rows = new LinkedHashMap<>();
        jdbc.query("select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables", row -> {
            rows.put(row.getString(1).toLowerCase(java.util.Locale.ROOT), row.getLong(2));
        });
        return rows;
    }

    private long run(int threads, int forSeconds, IntFunction<String> oneCase) throws Exception {
        long end = System.nanoTime() + forSeconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        oneCase.apply((int) done.get());
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return done.get();
    }

    /** Until no job is due: the job executor has run every async continuation (and any timer due now). */
    private void awaitJobs() {
        CaseTemplates.awaitJobs(management);
    }

    // ---- queries ------------------------------------------------------------------------------------

    record Latency(double medianMs, double p95Ms, int runs, String example) {}

    private Map<String, Latency> queries() {
        String district = BulkCases.district(1);
        String school = BulkCases.school(1, 1);
        List<String> cases = jdbc.queryForList(
                "select id from support_case where school_id like ? order by md5(id) limit 500",
                String.class,
                district + "-%");
        Map<String, Latency> results = new LinkedHashMap<>();
        results.put(
                "deadlines",
                time("coordinator", n -> "/api/deadlines?school=" + school + "&dueWithinDays=14", queryRuns));
        results.put(
                "timeline",
                time("coordinator", n -> "/api/cases/" + cases.get(n % cases.size()) + "/timeline", queryRuns));
        results.put(
                "timeliness",
                time(
                        "district-admin",
                        n -> "/api/reports/evaluation-timeliness?district=" + district
                                + "&from=2025-07-01&to=2026-06-30",
                        Math.max(20, queryRuns / 5)));
        results.put(
                "caseloads",
                time(
                        "district-admin",
                        n -> "/api/reports/caseloads?district=" + district,
                        Math.max(20, queryRuns / 5)));
        return results;
    }

    private Latency time(String user, IntFunction<String> path, int runs) {
        for (int n = 0; n < Math.max(10, runs / 5); n++) {
            get(user, path.apply(n + 7919));
        }
        double[] ms = new double[runs];
        String example = null;
        for (int n = 0; n < runs; n++) {
            long start = System.nanoTime();
            HttpResponse<String> response = get(user, path.apply(n));
            ms[n] = (System.nanoTime() - start) / 1e6;
            example = example == null ? response.body().length() + " bytes" : example;
        }
        Arrays.sort(ms);
        return new Latency(percentile(ms, 0.5), percentile(ms, 0.95), runs, example);
    }

    /** Linear interpolation between the nearest ranks. */
    static double percentile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private HttpResponse<String> get(String user, String path) {
        HttpResponse<String> response =
                send(user, HttpRequest.newBuilder(uri(path)).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "GET " + path + " as " + user + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        try {
            return http.send(
                    request.header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    // ---- the table ----------------------------------------------------------------------------------

    private void write(
            List<String> throughput,
            List<BulkCases.Template> templates,
            Map<Integer, Map<String, Latency>> byScale,
            List<RenderingFigures.Figures> rendering)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("Benchmarks of ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES))
                .append(" on ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(jdbc.queryForObject("select split_part(version(), ' on ', 1)", String.class))
                .append(" on 127.0.0.1, Java ")
                .append(System.getProperty("java.version"))
                .append(" (`./mvnw -Pbench verify`).\n\n");

        md.append("**Case throughput**: complete cases per second, from the referral to an IEP in effect (")
                .append(CaseDrive.USER_TASKS)
                .append(" user tasks completed through the form service as the staff who do them, the teachers'")
                .append(" notification run by the job executor), against a bare process of as many user tasks and")
                .append(" no-op delegates, full history, same engine and database; ")
                .append(warmupSeconds)
                .append(" s warm-up, then ")
                .append(seconds)
                .append(" s per figure, until every due job has run.\n\n");
        md.append("| threads | product cases/s | product tasks/s | bare cases/s | bare tasks/s | product / bare |\n");
        md.append("|---|---|---|---|---|---|\n");
        throughput.forEach(line -> md.append(line).append('\n'));
        DatabaseWork product = workPerCase.get("product");
        DatabaseWork bare = workPerCase.get("bare");
        if (product != null && bare != null) {
            md.append("\nWhat a case asks of PostgreSQL (`pg_stat_database`, per case, first measurement):\n\n");
            md.append("| | transactions | rows inserted | rows updated | rows deleted | rows written |\n");
            md.append("|---|---|---|---|---|---|\n");
            workPerCase.forEach((what, work) -> md.append("| %s | %.1f | %.0f | %.0f | %.0f | %.0f |\n"
                    .formatted(what, work.commits(), work.inserted(), work.updated(), work.deleted(), work.written())));
            md.append("| product / bare | %.1f | %.1f | %.1f | %.1f | **%.1f** |\n"
                    .formatted(
                            product.commits() / bare.commits(),
                            product.inserted() / bare.inserted(),
                            product.updated() / bare.updated(),
                            product.deleted() / bare.deleted(),
                            product.written() / bare.written()));
            Map<String, Double> tables = rowsPerTablePerCase.getOrDefault("product", Map.of());
            md.append("\nWhere a product case's rows go (`pg_stat_user_tables`: rows inserted, updated and deleted")
                    .append(" per case, first measurement; the tables of 5 rows or more):\n\n");
            md.append("| table | rows per case | bare |\n|---|---|---|\n");
            tables.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .filter(e -> e.getValue() >= 5)
                    .forEach(e -> md.append("| `%s` | %.1f | %.1f |\n"
                            .formatted(
                                    e.getKey(),
                                    e.getValue(),
                                    rowsPerTablePerCase
                                            .getOrDefault("bare", Map.of())
                                            .getOrDefault(e.getKey(), 0.0))));
        }

        md.append("\n**Queries at scale**, through HTTP (HTTP Basic, JSON), median / 95th percentile in ms; one")
                .append(" bench district of 15 schools out of 10 (a tenth of the cases):\n\n");
        List<Integer> scales = new ArrayList<>(byScale.keySet());
        md.append("| query |");
        scales.forEach(s -> md.append(" %,d cases |".formatted(s)));
        if (scales.size() == 2) {
            md.append(" p95 %,dk/%,dk |".formatted(scales.get(1) / 1000, scales.get(0) / 1000));
        }
        md.append(" target |\n|---|");
        scales.forEach(s -> md.append("---|"));
        md.append(scales.size() == 2 ? "---|---|\n" : "---|\n");
        Map<String, String[]> names = new LinkedHashMap<>();
        names.put("deadlines", new String[] {
            "deadlines of one school due within 14 days (`GET /api/deadlines?school=&dueWithinDays=14`, coordinator)",
            "p95 < 50 ms, ratio < 2"
        });
        names.put("timeline", new String[] {
            "a case's timeline (`GET /api/cases/{id}/timeline`, a different case each time)", "p95 < 50 ms, ratio < 2"
        });
        names.put("timeliness", new String[] {
            "evaluation timeliness of a district, school year 2025-2026 (`GET /api/reports/evaluation-timeliness`)",
            "< 500 ms"
        });
        names.put("caseloads", new String[] {"caseloads of a district (`GET /api/reports/caseloads`)", "—"});
        names.forEach((key, label) -> {
            md.append("| ").append(label[0]).append(" |");
            for (int scale : scales) {
                Latency l = byScale.get(scale).get(key);
                md.append(" %.1f / %.1f |".formatted(l.medianMs(), l.p95Ms()));
            }
            if (scales.size() == 2) {
                md.append(" %.2f |"
                        .formatted(byScale.get(scales.get(1)).get(key).p95Ms()
                                / byScale.get(scales.get(0)).get(key).p95Ms()));
            }
            md.append(' ').append(label[1]).append(" |\n");
        });
        md.append("\nThe cases: ")
                .append(BulkCases.describe(templates))
                .append(" (each a copy of a case the service drove to that step, dates moved back).\n");

        md.append("\n**Documents for families**: one document rendered (Thymeleaf template, then a tagged PDF/UA")
                .append(" with the bundled font, subset) in the service's JVM, after 30 renders of warm-up:\n\n");
        md.append("| document | renders | median | p95 | PDF size | target |\n|---|---|---|---|---|---|\n");
        rendering.forEach(f -> md.append("| %s, %s | %d | %.1f ms | %.1f ms | %.0f KB | %s |\n"
                .formatted(
                        f.kind(),
                        f.language(),
                        f.runs(),
                        f.medianMs(),
                        f.p95Ms(),
                        f.bytes() / 1024.0,
                        f.kind() == DocumentKind.IEP ? "< 500 ms, < 300 KB" : "—")));

        Path startup = OUT.resolve("startup.md");
        if (Files.exists(startup)) {
            md.append("\n**Start-up** (`tools/startup-figures.sh`, the packaged jar):\n\n")
                    .append(Files.readString(startup).strip())
                    .append('\n');
        }
        md.append("\n<details><summary>Log</summary>\n\n```\n").append(log).append("```\n</details>\n");
        Files.writeString(OUT.resolve("results.md"), md.toString());
        System.out.println(md);
    }

    private void note(String line) {
        System.out.println("[bench] " + line);
        log.append(line).append('\n');
    }

    private static List<Integer> numbers(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }
}
