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
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The load test ({@code ./mvnw -Pload verify}; README, "Load test"): the service runs in a process of its
 * own (started by the {@code load} profile on a fresh PostgreSQL database, with the demo staff), and this
 * driver, in a second process on loopback, seeds cases and then lets {@code load.users} staff (50) work
 * for {@code load.seconds} (120) as {@link StaffMember} describes, after {@code load.ramp-seconds} (0) in which
 * they arrive one after the other and which is not measured. With {@code load.nodes=2} it starts a second node
 * of the packaged service on the same database ({@link SecondNode}) and sends half the staff to each, as a load
 * balancer with sticky sessions would. With {@code load.staff=distinct} each staff member is a user of their
 * own ({@link LoadStaff}). It writes its figures to {@code target/load/results.md} and passes only when no
 * request failed: a task someone else had just claimed or completed (404, or 409 and the task gone) is a lost
 * race, counted apart; everything else not 2xx is an error.
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
    private final int rampSeconds = Integer.getInteger("load.rampSeconds", 0);
    private final int seedCases = Integer.getInteger("load.seedCases", 200);
    private final StaffMember.ThinkTime think =
            StaffMember.ThinkTime.parse(System.getProperty("load.thinkMillis", "0"));
    private final long randomSeed = Long.getLong("load.randomSeed", 20L);
    private final boolean distinctStaff =
            System.getProperty("load.staff", "demo").equals("distinct");
    private final int nodes = Integer.getInteger("load.nodes", 1);
    private final String database = System.getProperty("load.database", "support_plans_load");
    private final Path resultsFile = Path.of(System.getProperty("load.results", "target/load/results.md"));

    @Test
    void staffWorkTheirTasksWithoutAnError() throws Exception {
        assertThat(nodes).as("load.nodes is 1 or 2").isBetween(1, 2);
        LoadClient client = new LoadClient(baseUrl);
        LoadResults setup = new LoadResults();
        client.countIn(setup);
        awaitHealthy(client);
        List<String> roster = roster(users);
        List<LoadStaff.Staff> staff = distinctStaff ? LoadStaff.distinct(roster) : LoadStaff.demo(roster);
        if (distinctStaff) {
            // before a second node starts: its start-up and the import would share the machine's two cores
            LoadStaff.create(client, staff);
        }
        SecondNode secondNode = null;
        try {
            List<LoadClient> clients = new ArrayList<>(List.of(client));
            if (nodes == 2) {
                int port = Integer.getInteger("load.secondPort", 18081);
                secondNode = SecondNode.start(
                        port,
                        System.getProperty("load.jdbcUrl"),
                        System.getProperty("load.db.user", "postgres"),
                        System.getProperty("load.db.password", ""),
                        System.getProperty("load.app.jvmArguments", "-Xmx1g"));
                LoadClient second = new LoadClient("http://127.0.0.1:" + port);
                second.countIn(setup);
                clients.add(second);
            }
            double seedSeconds = seed(client, setup);
            if (secondNode != null) {
                awaitHealthy(clients.get(1));
            }
            run(clients, staff, setup, seedSeconds, secondNode);
        } finally {
            if (secondNode != null) {
                secondNode.close();
            }
        }
    }

    private void run(
            List<LoadClient> clients,
            List<LoadStaff.Staff> staff,
            LoadResults setup,
            double seedSeconds,
            SecondNode secondNode)
            throws Exception {
        LoadClient client = clients.get(0);
        Map<String, Long> before = phases(client);
        String loadBefore = loadAverage();

        LoadResults rampUp = new LoadResults();
        clients.forEach(c -> c.countIn(rampUp));
        ExecutorService threads = Executors.newFixedThreadPool(users, named("staff-"));
        long start = System.nanoTime();
        long measuredFrom = start + TimeUnit.SECONDS.toNanos(rampSeconds);
        long end = measuredFrom + TimeUnit.SECONDS.toNanos(seconds);
        for (int i = 0; i < staff.size(); i++) {
            LoadStaff.Staff member = staff.get(i);
            threads.execute(new StaffMember(
                    // sticky: a staff member stays on one node, every other one on the second
                    clients.get(i % clients.size()),
                    member.userId(),
                    member.role(),
                    member.school(),
                    start + TimeUnit.SECONDS.toNanos(rampSeconds) * i / staff.size(),
                    end,
                    think,
                    new Random(randomSeed * 100_003 + i)));
        }
        threads.shutdown();

        MachineUse machine = new MachineUse(machineGroups(secondNode));
        sleepUntil(measuredFrom);
        LoadResults results = new LoadResults();
        clients.forEach(c -> c.countIn(results));
        machine.start();
        sleepUntil(end);
        double elapsed = (System.nanoTime() - measuredFrom) / 1e9;
        LoadResults tail = new LoadResults();
        clients.forEach(c -> c.countIn(tail));
        String machineUse = machine.stop(elapsed);
        assertThat(threads.awaitTermination(think.max() / 1000 + 180L, TimeUnit.SECONDS))
                .as("every staff member's last request answered")
                .isTrue();

        client.countIn(setup);
        Map<String, Long> after = phases(client);
        String report = report(
                results,
                elapsed,
                staff,
                seedSeconds,
                before,
                after,
                loadBefore,
                loadAverage(),
                machineUse,
                rampUp,
                tail);
        System.out.println(report);
        Files.createDirectories(resultsFile.toAbsolutePath().getParent());
        Files.writeString(resultsFile, report);

        assertThat(setup.errors()).as("errors while seeding or counting cases").isZero();
        assertThat(rampUp.errors() + results.errors() + tail.errors())
                .as("errors under load (see " + resultsFile + "): " + rampUp.errorSamples() + results.errorSamples()
                        + tail.errorSamples())
                .isZero();
        assertThat(results.tasksCompleted()).as("tasks completed").isPositive();
        if (secondNode != null) {
            assertThat(secondNode.isAlive()).as("the second node still running").isTrue();
        }
    }

    /** The processes whose CPU time the report gives: the nodes (by their port), this driver, the database's. */
    private Map<String, java.util.function.Predicate<String>> machineGroups(SecondNode secondNode) {
        Map<String, java.util.function.Predicate<String>> groups = new LinkedHashMap<>();
        String firstPort = "--server.port=" + java.net.URI.create(baseUrl).getPort() + " ";
        groups.put("node 1", process -> process.contains(firstPort));
        if (secondNode != null) {
            groups.put("node 2", process -> process.startsWith(secondNode.pid() + " "));
        }
        long driver = ProcessHandle.current().pid();
        groups.put("driver", process -> process.startsWith(driver + " "));
        groups.put("PostgreSQL", process -> process.contains("postgres: ") && process.contains(" " + database + " "));
        return groups;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private void awaitHealthy(LoadClient client) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (!client.get("health", "coordinator", "/actuator/health").is(200)) {
            assertThat(Instant.now())
                    .as("the service at " + client.baseUrl() + " is up")
                    .isBefore(giveUp);
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
            List<LoadStaff.Staff> staff,
            double seedSeconds,
            Map<String, Long> before,
            Map<String, Long> after,
            String loadBefore,
            String loadAfter,
            String machineUse,
            LoadResults rampUp,
            LoadResults tail) {
        StringBuilder md = new StringBuilder();
        md.append("# Load test: ")
                .append(users)
                .append(" staff for ")
                .append(seconds)
                .append(" s on ")
                .append(nodes == 1 ? "one node" : "two nodes")
                .append("\n\n");
        md.append("- run: ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                        .format(Instant.now().atOffset(ZoneOffset.UTC)))
                .append(", service at ")
                .append(baseUrl)
                .append(nodes == 2 ? " and a second node on the same database, half the staff on each" : "")
                .append(" (profile postgres, a fresh database), the driver in another JVM on loopback\n");
        md.append("- machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append(", Java ")
                .append(System.getProperty("java.version"))
                .append("; load average before the ramp-up ")
                .append(loadBefore)
                .append(", after the run ")
                .append(loadAfter)
                .append('\n');
        md.append("- during the measured window: ").append(machineUse).append('\n');
        md.append("- staff: ")
                .append(rosterSummary(staff.stream().map(LoadStaff.Staff::role).toList()))
                .append(
                        distinctStaff
                                ? " (each a user of their own at one demo school)"
                                : " (the demo user of each role)")
                .append("; think time ")
                .append(think)
                .append(" between opening a task and completing it, and when there is nothing to do (at least 1 s)")
                .append(", random seed ")
                .append(randomSeed)
                .append('\n');
        md.append("- ramp-up: ")
                .append(rampSeconds)
                .append(" s (the staff arrive one after the other; not measured: ")
                .append(rampUp.requests())
                .append(" requests, ")
                .append(rampUp.tasksCompleted())
                .append(" tasks completed, ")
                .append(rampUp.errors())
                .append(" errors); after the window, the staff finish the task in hand (")
                .append(tail.requests())
                .append(" requests, ")
                .append(tail.tasksCompleted())
                .append(" tasks completed, ")
                .append(tail.errors())
                .append(" errors)\n");
        md.append("- seeded: ")
                .append(seedCases)
                .append(" referrals in ")
                .append(format(seedSeconds))
                .append(" s before the ramp-up\n\n");

        LoadResults.Kind completions = results.kinds().get(StaffMember.COMPLETE);
        long[] completed = completions == null ? new long[0] : completions.sortedNanos();
        md.append(
                        "**Task completion** (`POST /engine-rest/task/{id}/submit-form`, what Tasklist's \"Complete\" sends): ")
                .append(results.tasksCompleted())
                .append(" tasks completed in ")
                .append(format(elapsed))
                .append(" s, **")
                .append(format(results.tasksCompleted() * 60 / elapsed))
                .append(" a minute**; latency p50 ")
                .append(format(LoadResults.percentileMillis(completed, 50)))
                .append(" ms, **p95 ")
                .append(format(LoadResults.percentileMillis(completed, 95)))
                .append(" ms**, p99 ")
                .append(format(LoadResults.percentileMillis(completed, 99)))
                .append(" ms, max ")
                .append(format(LoadResults.percentileMillis(completed, 100)))
                .append(" ms; lost races ")
                .append(results.lostRaces())
                .append(" (claims ")
                .append(lost(results, StaffMember.CLAIM))
                .append(", completions ")
                .append(lost(results, StaffMember.COMPLETE))
                .append("); errors ")
                .append(results.errors())
                .append(". Completed per minute of the window: ");
        List<String> perMinute = new ArrayList<>();
        results.completedPerMinute().forEach((minute, count) -> perMinute.add(String.valueOf(count.get())));
        md.append(String.join(", ", perMinute)).append("\n\n");

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

    private static long lost(LoadResults results, String kind) {
        LoadResults.Kind stats = results.kinds().get(kind);
        return stats == null ? 0 : stats.lostRaces.get();
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
