package org.supportplans.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the machine did during the measured window (Linux {@code /proc}): the CPU time of the service's nodes, of
 * this driver and of the PostgreSQL backends of the load's database, the whole machine's busy share, and the
 * 1-minute load average sampled every 5 s. The machine is shared with other builds: their share is the busy
 * share less ours.
 */
final class MachineUse {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /** Named groups of processes, each found by a test on "{pid} {command line}". */
    private final Map<String, Predicate<String>> groups;

    private final Map<String, Long> ticksAtStart = new ConcurrentHashMap<>();
    private final List<Double> loadAverages = Collections.synchronizedList(new ArrayList<>());
    private long[] machineAtStart;
    private Thread sampler;

    MachineUse(Map<String, Predicate<String>> groups) {
        this.groups = groups;
    }

    void start() {
        groups.keySet().forEach(name -> ticksAtStart.put(name, ticks(groups.get(name))));
        machineAtStart = machineTicks();
        sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        loadAverages.add(loadAverage());
                        try {
                            Thread.sleep(5000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "load-average");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The figures since {@link #start}, as a line of Markdown. */
    String stop(double seconds) {
        sampler.interrupt();
        long[] machine = machineTicks();
        long busy = machine[0] - machineAtStart[0];
        long total = busy + machine[1] - machineAtStart[1];
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder line = new StringBuilder();
        double ours = 0;
        for (String name : groups.keySet()) {
            double cpu = (ticks(groups.get(name)) - ticksAtStart.get(name)) / TICKS_PER_SECOND / seconds;
            ours += cpu;
            line.append(name).append(' ').append(format(cpu)).append(" cores, ");
        }
        double machineBusy = total == 0 ? Double.NaN : (double) busy / total * cores;
        line.append("the whole machine ")
                .append(format(machineBusy))
                .append(" of ")
                .append(cores)
                .append(" cores busy (other processes ")
                .append(format(Math.max(0, machineBusy - ours)))
                .append(")");
        List<Double> sorted;
        synchronized (loadAverages) {
            sorted = loadAverages.stream().sorted().toList();
        }
        if (!sorted.isEmpty()) {
            line.append("; 1-minute load average median ")
                    .append(format(sorted.get(sorted.size() / 2)))
                    .append(", max ")
                    .append(format(sorted.get(sorted.size() - 1)))
                    .append(" (")
                    .append(sorted.size())
                    .append(" samples, 5 s apart)");
        }
        return line.toString();
    }

    /** The CPU ticks (user and system) of the processes whose "{pid} {command line}" passes the test. */
    private static long ticks(Predicate<String> commandLine) {
        long sum = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes
                    .filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String command =
                            Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    if (commandLine.test(process.getFileName() + " " + command)) {
                        String stat = Files.readString(process.resolve("stat"));
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    /** The machine's busy and idle ticks (all cores). */
    private static long[] machineTicks() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            long all = 0;
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                all += Long.parseLong(cpu[i]);
            }
            return new long[] {all - idle, idle};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
