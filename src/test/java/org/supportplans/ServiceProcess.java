package org.supportplans;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The built application jar ({@code target/support-plans-*.jar}) run as an operating-system process of
 * its own, as in production: profile {@code postgres}, a port of its own, the demo staff on the test
 * database. Its output goes to {@code target/service-logs/<name>.log}. Every process started here is
 * ended when the test JVM ends, should a test fail to close it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path LOGS = Paths.get("target", "service-logs");
    private static final List<Process> STARTED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the jar against the PostgreSQL database at {@code jdbcUrl} (user {@code postgres} of the test
     * PostgreSQL); {@code settings} are more {@code --name=value} arguments. Returns at once: call {@link
     * #awaitUp}.
     */
    public static ServiceProcess start(String name, String jdbcUrl, String... settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toAbsolutePath().toString(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + FreshPostgresDatabase.USER,
                "--spring.datasource.password=" + FreshPostgresDatabase.PASSWORD,
                "--support-plans.demo.enabled=true",
                "--support-plans.demo.allow-server-database=true",
                "--support-plans.demo.cases=false",
                // the morning sweep at any hour of the district's day: tests run at any time
                "--support-plans.deadlines.sweep-hour=0"));
        command.addAll(List.of(settings));
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .directory(LOGS.toFile())
                    .start();
            STARTED.add(process);
            return new ServiceProcess(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code /actuator/health} says UP; fails at once if the process ended. */
    public ServiceProcess awaitUp(Duration timeout) {
        try {
            Awaitility.await(name + " up")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError(name + " ended with exit code " + process.exitValue()
                                    + " before it was up:\n" + logTail());
                        }
                        return "UP".equals(health());
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + " not up after " + timeout + ":\n" + logTail(), e);
        }
        return this;
    }

    /** The status of {@code /actuator/health} (UP, DOWN), or null when nothing answers. */
    public String health() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.body().replaceAll("(?s).*\"status\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGKILL: no shutdown hook, no transaction finished, no lock released. */
    public void kill() {
        process.destroyForcibly();
        waitForEnd();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The end of the process's output, for a failure message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A graceful stop (SIGTERM), forced after 30 seconds. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        waitForEnd();
    }

    private void waitForEnd() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        STARTED.remove(process);
    }

    /** The application jar that {@code package} built (failsafe runs after it). */
    public static Path jar() {
        try (Stream<Path> files = Files.list(Paths.get("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("support-plans-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/support-plans-*.jar: run ./mvnw package"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory tree, e.g. a private database's files. */
    public static void deleteTree(File directory) {
        if (directory == null || !directory.exists()) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory.toPath())) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
