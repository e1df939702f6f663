package org.supportplans.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** The BPMN files of {@code processes/} and the Camunda Forms of {@code forms/}, read from the tree. */
final class ProcessModels {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");

    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private ProcessModels() {}

    /** Every BPMN model, by file name. */
    static Map<String, BpmnModelInstance> bpmn() {
        Map<String, BpmnModelInstance> models = new TreeMap<>();
        for (Path file : files(PROCESSES, ".bpmn")) {
            models.put(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
        }
        return models;
    }

    /** Every Camunda Form's id, with the file that holds it. */
    static Map<String, Path> formIds() {
        ObjectMapper json = new ObjectMapper();
        Map<String, Path> ids = new TreeMap<>();
        for (Path file : files(FORMS, ".form")) {
            try {
                ids.put(json.readTree(file.toFile()).path("id").asText(), file);
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable form " + file, e);
            }
        }
        return ids;
    }

    /** The bean an expression such as {@code ${recordTriage}} or {@code ${clocks.start(execution)}} names. */
    static String beanName(String expression) {
        Matcher matcher = BEAN_REFERENCE.matcher(expression.trim());
        return matcher.find() ? matcher.group(1) : null;
    }

    private static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
