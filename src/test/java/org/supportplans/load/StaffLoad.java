package org.supportplans.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The load test ({@code ./mvnw -Pload verify}; README, "Load test"): the service runs in a process of its
 * own (started by the {@code load} profile on a fresh PostgreSQL database, with the demo staff), and this
 * driver, in a second process on loopback, seeds cases and then lets {@code load.users} staff (50) work
 * for {@code load.seconds} (120) as {@link StaffMember} describes. It writes its figures to
 * {@code target/load/results.md} and passes only when no request failed: a task someone else had just
 * completed (404, or 409 and the task gone) is a lost race, counted apart; everything else not 2xx is an
 * error.
 */
class StaffLoad {

    /** Who the staff are, per 50: the coordinators hold most steps of a case. */
    private static final Map<String, Integer> ROLES_PER_50 = new LinkedHashMap<>();

    static {
        ROLES_PER_50.put("coordinator", 24);
        ROLES_PER_50.put("special-education-teacher", 6);
        ROLES_PER_50.put("school-psychologist", 5);
        ROLES_PER_50.put("speech-language-pathologist", 3);
        ROLES_PER_50.put("general-education-teacher", 3);
        ROLES_PER_50.put("gifted-coordinator", 3);
        ROLES_PER_50.put("mental-health", 2);
        ROLES_PER_50.put("nurse", 2);
        ROLES_PER_50.put("section-504-coordinator", 2);
    }

    private static final List<String> PHASES =
            List.of("TRIAGE", "CONSENT_TO_EVALUATE", "EVALUATION", "PLAN_DEVELOPMENT", "PLAN_IN_EFFECT");

    private final String baseUrl = System.getProperty("load.baseUrl", "http://127.0.0.1:8080");
    private final int users = Integer.getInteger("load.users", 50);
    private final int seconds = Integer.getInteger("load.seconds", 120);
    private final int seedCases = Integer.getInteger("load.seedCases", 200);
    private final long thinkMillis = Long.getLong("load.thinkMillis", 0L);
    private final Path resultsFile = Path.of(System.getProperty("load.results", "target/load/results.md"));

    @Test
    void staffWorkTheirTasksWithoutAnError() throws Exception {
        LoadClient client = new LoadClient(baseUrl);
        LoadResults setup = new LoadResults();
        client.countIn(setup);
        awaitHealthy(client);
        double seedSeconds = seed(client, setup);
        Map<String, Long> before = phases(client);
        String loadBefore = loadAverage();

        LoadResults results = new LoadResults();
        client.countIn(results);
        List<String> roster = roster(users);
        ExecutorService staff = Executors.newFixedThreadPool(users, named("staff-"));
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        roster.forEach(role -> staff.execute(new StaffMember(client, results, role, end, thinkMillis)));
        staff.shutdown();
        assertThat(staff.awaitTermination(seconds + 180L, TimeUnit.SECONDS))
                .as("every staff member's last request answered")
                .isTrue();
        double elapsed = (System.nanoTime() - start) / 1e9;

        client.countIn(setup);
        Map<String, Long> after = phases(client);
        String report = report(results, elapsed, roster, seedSeconds, before, after, loadBefore, loadAverage());
        System.out.println(report);
        Files.createDirectories(resultsFile.toAbsolutePath().getParent());
        Files.writeString(resultsFile, report);

        assertThat(setup.errors()).as("errors while seeding or counting cases").isZero();
        assertThat(results.errors())
                .as("errors under load (see " + resultsFile + "): " + results.errorSamples())
                .isZero();
        assertThat(results.tasksCompleted()).as("tasks completed").isPositive();
    }

    private void awaitHealthy(LoadClient client) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (!client.get("health", "coordinator", "/actuator/health").is(200)) {
            assertThat(Instant.now()).as("the service at " + baseUrl + " is up").isBefore(giveUp);
            Thread.sleep(1000);
        }
    }

    /** New referrals from 8 coordinators at once, so that the staff have work from the start. */
    private double seed(LoadClient client, LoadResults setup) throws InterruptedException {
        long start = System.nanoTime();
        AtomicInteger left = new AtomicInteger(seedCases);
        ExecutorService coordinators = Executors.newFixedThreadPool(8, named("seed-"));
        for (int i = 0; i < 8; i++) {
            coordinators.execute(() -> {
                while (left.getAndDecrement() > 0) {
                    LoadClient.Reply reply = client.post("seed", "coordinator", "/api/referrals", TaskForms.referral());
                    if (!reply.is(201)) {
                        setup.error("seed", reply.summary());
                    }
                }
            });
        }
        coordinators.shutdown();
        assertThat(coordinators.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        assertThat(setup.errorSamples()).as("seed referrals refused").isEmpty();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Open cases per phase, and the closed ones. */
    private static Map<String, Long> phases(LoadClient client) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String phase : PHASES) {
            counts.put(phase, total(client, "/api/cases?status=OPEN&size=1&phase=" + phase));
        }
        counts.put("closed", total(client, "/api/cases?status=CLOSED&size=1"));
        return counts;
    }

    private static long total(LoadClient client, String path) {
        LoadClient.Reply reply = client.get("count cases", "coordinator", path);
        assertThat(reply.status()).as(reply.summary()).isEqualTo(200);
        return reply.json().path("totalElements").asLong();
    }

    /** The roles of that many staff, in the proportions of {@link #ROLES_PER_50}, interleaved. */
    static List<String> roster(int size) {
        Map<String, Integer> given = new LinkedHashMap<>();
        List<String> roster = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            String next = null;
            double mostBehind = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, Integer> role : ROLES_PER_50.entrySet()) {
                double behind = role.getValue() * i / 50.0 - given.getOrDefault(role.getKey(), 0);
                if (behind > mostBehind) {
                    mostBehind = behind;
                    next = role.getKey();
                }
            }
            given.merge(next, 1, Integer::sum);
            roster.add(next);
        }
        return roster;
    }

    private String report(
            LoadResults results,
            double elapsed,
            List<String> roster,
            double seedSeconds,
            Map<String, Long> before,
            Map<String, Long> after,
            String loadBefore,
            String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("# Load test: ")
                .append(users)
                .append(" staff for ")
                .append(seconds)
                .append(" s\n\n");
        md.append("- run: ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                        .format(Instant.now().atOffset(ZoneOffset.UTC)))
                .append(", service at ")
                .append(baseUrl)
                .append(" (profile postgres, a fresh database), the driver in another JVM on loopback\n");
        md.append("- machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append(", Java ")
                .append(System.getProperty("java.version"))
                .append("; load average before the run ")
                .append(loadBefore)
                .append(", after ")
                .append(loadAfter)
                .append('\n');
        md.append("- staff: ")
                .append(rosterSummary(roster))
                .append("; think time ")
                .append(thinkMillis);
        md.append(" ms (1 s when a staff member has nothing to do)\n");
        md.append("- seeded: ")
                .append(seedCases)
                .append(" referrals in ")
                .append(format(seedSeconds))
                .append(" s before the run\n\n");

        md.append("| request | count | req/s | p50 ms | p95 ms | p99 ms | max ms | lost races | errors |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<long[]> all = new ArrayList<>();
        for (String kind : StaffMember.KINDS) {
            LoadResults.Kind stats = results.kinds().get(kind);
            if (stats != null) {
                long[] sorted = stats.sortedNanos();
                all.add(sorted);
                row(md, kind, sorted, elapsed, stats.lostRaces.get(), stats.errors.get());
            }
        }
        long[] merged =
                all.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        row(md, "**all**", merged, elapsed, results.lostRaces(), results.errors());

        md.append("\n- requests: ")
                .append(results.requests())
                .append(" in ")
                .append(format(elapsed))
                .append(" s: ")
                .append(format(results.requests() / elapsed))
                .append(" req/s\n");
        md.append("- tasks completed: ")
                .append(results.tasksCompleted())
                .append(" (")
                .append(format(results.tasksCompleted() / elapsed))
                .append("/s): ");
        List<String> byTask = new ArrayList<>();
        results.completedByTask().forEach((task, count) -> byTask.add(task + " " + count));
        md.append(String.join(", ", byTask)).append('\n');
        md.append("- cases advanced (a task of theirs completed): ")
                .append(results.casesAdvanced())
                .append('\n');
        md.append("- lost races (the task completed by someone else a moment before): ")
                .append(results.lostRaces())
                .append('\n');
        md.append("- errors: ").append(results.errors()).append("\n\n");

        md.append("| cases | before the run | after |\n|---|---:|---:|\n");
        before.forEach((phase, count) -> md.append("| ")
                .append(phase)
                .append(" | ")
                .append(count)
                .append(" | ")
                .append(after.get(phase))
                .append(" |\n"));
        if (!results.errorSamples().isEmpty()) {
            md.append("\nFirst errors:\n\n");
            results.errorSamples().forEach(e -> md.append("- `").append(e).append("`\n"));
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String kind, long[] sorted, double elapsed, long lost, long errors) {
        md.append("| ")
                .append(kind)
                .append(" | ")
                .append(sorted.length)
                .append(" | ")
                .append(format(sorted.length / elapsed))
                .append(" | ")
                .append(format(LoadResults.percentileMillis(sorted, 50)))
                .append(" | ")
                .append(format(LoadResults.percentileMillis(sorted, 95)))
                .append(" | ")
                .append(format(LoadResults.percentileMillis(sorted, 99)))
                .append(" | ")
                .append(format(LoadResults.percentileMillis(sorted, 100)))
                .append(" | ")
                .append(lost)
                .append(" | ")
                .append(errors)
                .append(" |\n");
    }

    private static String rosterSummary(List<String> roster) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ROLES_PER_50.keySet().forEach(role -> counts.put(role, 0));
        roster.forEach(role -> counts.merge(role, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((role, count) -> {
            if (count > 0) {
                parts.add(count + " " + role);
            }
        });
        return String.join(", ", parts);
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
