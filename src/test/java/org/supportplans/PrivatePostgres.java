package org.supportplans;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (initdb into a temporary directory, trust authentication,
 * a free port, its socket in that directory), which the test may stop and start while the service runs:
 * the shared PostgreSQL of the other tests is never touched. initdb and pg_ctl refuse to run as root, so
 * as root they run as the {@code postgres} user. {@link #close} stops the server and deletes its files.
 */
public final class PrivatePostgres implements AutoCloseable {

    public static final String DATABASE = "support_plans";

    private final Path binaries;
    private final File directory;
    private final int port;
    private final boolean asRoot = "root".equals(System.getProperty("user.name"));

    private PrivatePostgres(Path binaries, File directory, int port) {
        this.binaries = binaries;
        this.directory = directory;
        this.port = port;
    }

    /** Creates the cluster, starts it and creates the database {@value #DATABASE}. */
    public static PrivatePostgres start() {
        Path binaries = binaries();
        try {
            // under the system's temporary directory: the postgres user must reach it (a checkout under
            // /root would not do), and the socket's path must stay short
            File directory = Files.createTempDirectory("private-postgres-").toFile();
            PrivatePostgres postgres = new PrivatePostgres(binaries, directory, ServiceProcess.freePort());
            try {
                if (postgres.asRoot) {
                    postgres.run(List.of("chown", "postgres:postgres", directory.getPath()));
                }
                postgres.runAsPostgres(List.of(
                        binaries.resolve("initdb").toString(),
                        "-D",
                        postgres.data(),
                        "-U",
                        "postgres",
                        "--auth=trust",
                        "--no-sync",
                        "-E",
                        "UTF8"));
                postgres.startServer();
                try (Connection admin = DriverManager.getConnection(postgres.url("postgres"), "postgres", "");
                        Statement sql = admin.createStatement()) {
                    sql.execute("create database " + DATABASE);
                }
                return postgres;
            } catch (RuntimeException | SQLException e) {
                postgres.close();
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url(DATABASE);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    /** A fast shutdown: open connections are cut, as when a database server goes down. */
    public void stopServer() {
        pgCtl("stop", "-m", "fast", "-w");
    }

    public void startServer() {
        pgCtl(
                "start",
                "-w",
                "-l",
                directory.getPath() + "/server.log",
                "-o",
                "-p " + port + " -k " + directory.getPath() + " -c listen_addresses=127.0.0.1 -c fsync=off");
    }

    /** Stops the server (at once) and deletes its files. */
    @Override
    public void close() {
        try {
            if (new File(data(), "postmaster.pid").exists()) {
                pgCtl("stop", "-m", "immediate", "-w");
            }
        } finally {
            ServiceProcess.deleteTree(directory);
        }
    }

    private String data() {
        return directory.getPath() + "/data";
    }

    private void pgCtl(String... arguments) {
        List<String> command =
                new ArrayList<>(List.of(binaries.resolve("pg_ctl").toString(), "-D", data()));
        command.addAll(List.of(arguments));
        runAsPostgres(command);
    }

    private void runAsPostgres(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private void run(List<String> command) {
        try {
            Path output = Files.createTempFile("private-postgres", ".out");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + command);
            }
            String text = Files.readString(output);
            Files.delete(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (" + process.exitValue() + "):\n" + text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest PostgreSQL under /usr/lib/postgresql (Debian), or PG_BIN. */
    private static Path binaries() {
        String configured = System.getenv("PG_BIN");
        if (configured != null) {
            return Paths.get(configured);
        }
        try (Stream<Path> versions = Files.list(Paths.get("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(java.util.Comparator.comparing(Path::toString))
                    .orElseThrow();
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException("This test needs PostgreSQL's initdb and pg_ctl: set PG_BIN", e);
        }
    }
}
