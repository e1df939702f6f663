package org.supportplans.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated staff did and how long each request took, per kind of request: every answer is
 * one of success, a lost race (the task was just completed by someone else: 404, or 409 and the task is
 * gone) or an error (anything else, including a failed connection).
 */
final class LoadResults {

    static final int ERROR_SAMPLES = 20;

    private final Map<String, Kind> kinds = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicLong> completedByTask = new ConcurrentSkipListMap<>();
    private final Set<String> casesAdvanced = ConcurrentHashMap.newKeySet();
    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong errors = new AtomicLong();
    private final Map<Long, AtomicLong> completedPerMinute = new ConcurrentSkipListMap<>();
    private final long startNanos = System.nanoTime();

    static final class Kind {
        private long[] nanos = new long[1024];
        private int count;
        final AtomicLong succeeded = new AtomicLong();
        final AtomicLong lostRaces = new AtomicLong();
        final AtomicLong errors = new AtomicLong();

        synchronized void took(long duration) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = duration;
        }

        synchronized long[] sortedNanos() {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            return sorted;
        }

        synchronized int count() {
            return count;
        }
    }

    private Kind kind(String name) {
        return kinds.computeIfAbsent(name, k -> new Kind());
    }

    void took(String kind, long nanos) {
        kind(kind).took(nanos);
    }

    void succeeded(String kind) {
        kind(kind).succeeded.incrementAndGet();
    }

    void lostRace(String kind) {
        kind(kind).lostRaces.incrementAndGet();
    }

    void error(String kind, String what) {
        kind(kind).errors.incrementAndGet();
        errors.incrementAndGet();
        if (errorSamples.size() < ERROR_SAMPLES) {
            errorSamples.add(kind + ": " + what);
        }
        System.err.println("LOAD ERROR " + kind + ": " + what);
    }

    void completed(String taskKey, String caseId) {
        completedByTask.computeIfAbsent(taskKey, k -> new AtomicLong()).incrementAndGet();
        casesAdvanced.add(caseId);
        long minute = (System.nanoTime() - startNanos) / 60_000_000_000L;
        completedPerMinute.computeIfAbsent(minute, k -> new AtomicLong()).incrementAndGet();
    }

    /** Tasks completed in each minute since these results began (0 = the first minute). */
    Map<Long, AtomicLong> completedPerMinute() {
        return completedPerMinute;
    }

    Map<String, Kind> kinds() {
        return kinds;
    }

    long requests() {
        return kinds.values().stream().mapToLong(Kind::count).sum();
    }

    long errors() {
        return errors.get();
    }

    long lostRaces() {
        return kinds.values().stream().mapToLong(k -> k.lostRaces.get()).sum();
    }

    long tasksCompleted() {
        return completedByTask.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Map<String, AtomicLong> completedByTask() {
        return completedByTask;
    }

    int casesAdvanced() {
        return casesAdvanced.size();
    }

    List<String> errorSamples() {
        synchronized (errorSamples) {
            return List.copyOf(errorSamples);
        }
    }

    /** The latency at that percentile (nearest rank), in milliseconds. */
    static double percentileMillis(long[] sortedNanos, double percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1_000_000.0;
    }
}
