package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.supportplans.cases.ClockKind;

/**
 * The README's table of states and clocks is the rules table ({@code processes/clock-rules.dmn}) written out: this
 * test fails when they differ, so the README cannot drift. {@code -Dreadme.update=true} rewrites the README's table
 * from the rules table.
 */
class ClockRulesReadmeTest {

    static final String BEGIN = "<!-- clock-rules table: generated from processes/clock-rules.dmn by"
            + " ClockRulesReadmeTest (-Dreadme.update=true) -->";
    static final String END = "<!-- end of the clock-rules table -->";

    @Test
    void theReadmesTableIsTheRulesTable() throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("the README marks its clock-rules table").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String table = table();
        if (Boolean.getBoolean("readme.update")) {
            text = text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end);
            Files.writeString(readme, text, StandardCharsets.UTF_8);
        }
        String inReadme = text.substring(begin + BEGIN.length() + 1, text.indexOf(END));
        assertThat(inReadme)
                .as("the README's clock-rules table (run with -Dreadme.update=true to rewrite it)")
                .isEqualTo(table);
    }

    /** One row per rule of the table, in its order (FIRST hit policy: a state's row before the default). */
    static String table() throws IOException {
        DmnModelInstance model;
        try (InputStream in = Files.newInputStream(Path.of("processes/clock-rules.dmn"))) {
            model = Dmn.readModelFromStream(in);
        }
        DecisionTable decisionTable = model.getModelElementsByType(DecisionTable.class).stream()
                .findFirst()
                .orElseThrow();
        List<Output> outputs = List.copyOf(decisionTable.getOutputs());
        StringBuilder table = new StringBuilder();
        table.append("| state | clock | students | rule | starts at | ends at | citation |\n");
        table.append("|---|---|---|---|---|---|---|\n");
        for (Rule rule : decisionTable.getRules()) {
            List<String> inputs = rule.getInputEntries().stream()
                    .map(entry -> literal(entry.getTextContent()))
                    .toList();
            Map<String, Object> entries = new HashMap<>();
            List<OutputEntry> conclusions = new ArrayList<>(rule.getOutputEntries());
            for (int i = 0; i < outputs.size(); i++) {
                String value = literal(conclusions.get(i).getTextContent());
                entries.put(
                        outputs.get(i).getName(),
                        outputs.get(i).getName().equals("count") ? (Object) Integer.valueOf(value) : value);
            }
            ClockKind kind = ClockKind.ofId(inputs.get(1)).orElseThrow();
            ClockRule clockRule = ClockRules.fromEntries(kind, inputs.get(0), entries);
            table.append("| ")
                    .append(inputs.get(0) == null ? "any other" : inputs.get(0))
                    .append(" | `")
                    .append(kind.id())
                    .append("` | ")
                    .append(inputs.get(2) == null ? "all" : inputs.get(2).replaceAll(".*\"(\\w+)\".*", "$1"))
                    .append(" | ")
                    .append(clockRule.counted())
                    .append(" | ")
                    .append(clockRule.startEvent())
                    .append(" | ")
                    .append(clockRule.endsAt().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(clockRule.citation())
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String literal(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty() || stripped.equals("-")) {
            return null;
        }
        return stripped.startsWith("\"") && stripped.endsWith("\"")
                ? stripped.substring(1, stripped.length() - 1)
                : stripped;
    }
}
