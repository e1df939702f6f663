package org.supportplans.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The cluster's second node ({@code load.nodes=2}): the packaged jar ({@code target/support-plans-*.jar}) in a
 * process of its own on the same database as the first node, started as the {@code load} profile starts the
 * first (profile {@code postgres}, the demo staff, no demo cases, the same JVM options), with its job executor
 * on as on every node. Its output goes to {@code target/load/node-2.log}; it is stopped (SIGTERM, forced after
 * 30 s) when the load ends, and when the driver's JVM ends should the test fail first.
 */
final class SecondNode implements AutoCloseable {

    private final Process process;

    private SecondNode(Process process) {
        this.process = process;
    }

    static SecondNode start(int port, String jdbcUrl, String user, String password, String jvmArguments) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : jvmArguments.strip().split("\\s+")) {
            if (!argument.isEmpty()) {
                command.add(argument);
            }
        }
        command.addAll(List.of(
                "-jar",
                jar().toAbsolutePath().toString(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--support-plans.demo.enabled=true",
                "--support-plans.demo.allow-server-database=true",
                "--support-plans.demo.cases=false"));
        try {
            Path logs = Files.createDirectories(Paths.get("target", "load"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve("node-2.log").toFile())
                    .directory(logs.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new SecondNode(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Path jar() {
        try (Stream<Path> files = Files.list(Paths.get("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("support-plans-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/support-plans-*.jar: the package phase"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
