package org.supportplans.documents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The bench's figures of rendering ({@code PerformanceBench}, {@code ./mvnw -Pbench verify}): a document of a
 * kind, in a language, rendered {@code runs} times after a warm-up, from the case of {@link SampleCase}.
 * Timed here only for the bench's table, never asserted in a unit test.
 */
public final class RenderingFigures {

    /** Median and 95th percentile of the render time (template and PDF), in ms; the PDF's size in bytes. */
    public record Figures(DocumentKind kind, String language, int runs, double medianMs, double p95Ms, int bytes) {}

    private RenderingFigures() {}

    public static Figures measure(DocumentKind kind, String language, int warmup, int runs) {
        DocumentRenderer renderer = new DocumentRenderer();
        Map<String, Object> variables = DocumentRenderingTest.variablesOf(kind, language);
        int bytes = 0;
        for (int i = 0; i < warmup; i++) {
            bytes = renderer.pdf(kind, language, variables).length;
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            bytes = renderer.pdf(kind, language, variables).length;
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        double median = millis.get(millis.size() / 2);
        double p95 = millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.95) - 1));
        return new Figures(kind, language, runs, median, p95, bytes);
    }
}
