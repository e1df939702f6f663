package org.supportplans.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.supportplans.cases.ClockKind;
import org.supportplans.cases.ClockStart;
import org.supportplans.cases.ClockStop;
import org.supportplans.system.AsApplication;

/**
 * The jurisdiction rules: the decision table {@code clock-rule} ({@code processes/clock-rules.dmn}),
 * as deployed, evaluated by Camunda's DMN engine: a state's rule where it has one, the federal rule
 * otherwise. Looking a rule up writes nothing (no decision history: it is asked for on every read of
 * a deadline), and the parsed table is kept until another version is deployed.
 *
 * <p>Each state's rule for a clock is kept too, with the table version it came from: a table's answer
 * depends on nothing else, and the FEEL engine builds its whole function library anew for each
 * evaluation, which made rule look-ups the largest single cost of a case's steps (issue 7's profile).
 */
@Component
class ClockRules {

    static final String DECISION_KEY = "clock-rule";
    private static final Duration RECHECK_DEPLOYMENT = Duration.ofMinutes(1);

    private final RepositoryService repositoryService;
    private final DmnEngine dmnEngine;
    private final AsApplication asApplication;

    private volatile Parsed parsed;

    private record Parsed(
            String definitionId, DmnDecision decision, Instant checkedAt, Map<RuleKey, ClockRule> rules) {}

    private record RuleKey(String state, ClockKind kind, Set<String> categories) {}

    ClockRules(RepositoryService repositoryService, AsApplication asApplication) {
        this.repositoryService = repositoryService;
        // Camunda's DMN engine on its own: the process engine's would write decision history on every look-up
        this.dmnEngine =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        this.asApplication = asApplication;
    }

    public ClockRule ruleFor(String state, ClockKind kind) {
        return ruleFor(state, kind, Set.of());
    }

    /** The rule for a student in these IDEA categories (Pennsylvania reevaluates intellectual disability sooner). */
    public ClockRule ruleFor(String state, ClockKind kind, Set<String> categories) {
        Parsed table = table();
        return table.rules()
                .computeIfAbsent(
                        new RuleKey(state, kind, Set.copyOf(categories)), key -> evaluate(table.decision(), key));
    }

    private ClockRule evaluate(DmnDecision decision, RuleKey key) {
        DmnDecisionResult result = dmnEngine.evaluateDecision(
                decision,
                Map.of("state", key.state(), "clock", key.kind().id(), "categories", List.copyOf(key.categories())));
        if (result.isEmpty()) {
            throw new IllegalStateException(
                    "the rules table has no rule for " + key.kind().id());
        }
        return fromEntries(key.kind(), key.state(), result.getFirstResult().getEntryMap());
    }

    private Parsed table() {
        Parsed current = parsed;
        if (current != null && current.checkedAt().plus(RECHECK_DEPLOYMENT).isAfter(Instant.now())) {
            return current;
        }
        DecisionDefinition latest = asApplication.call(() -> repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_KEY)
                .latestVersion()
                .singleResult());
        if (latest == null) {
            throw new IllegalStateException("the rules table " + DECISION_KEY + " is not deployed");
        }
        Parsed next = current != null && current.definitionId().equals(latest.getId())
                ? new Parsed(latest.getId(), current.decision(), Instant.now(), current.rules())
                : new Parsed(latest.getId(), parse(latest), Instant.now(), new ConcurrentHashMap<>());
        parsed = next;
        return next;
    }

    private DmnDecision parse(DecisionDefinition definition) {
        DmnModelInstance model = asApplication.call(() -> repositoryService.getDmnModelInstance(definition.getId()));
        List<String> problems = problemsOf(model);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The rules table " + DECISION_KEY + " (version "
                    + definition.getVersion() + ") names what the service does not know: "
                    + String.join("; ", problems));
        }
        return dmnEngine.parseDecision(DECISION_KEY, model);
    }

    /**
     * Reads the table as soon as the service is up, so that a table naming an unknown clock, start event, unit,
     * direction or exclusion stops the start instead of leaving a clock unstarted when a case reaches it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void checkTheDeployedTable() {
        table();
    }

    /**
     * What a rules table names that our types do not know: each rule's clock must be a {@link ClockKind} id, and
     * its start event a {@link ClockStart}, its unit, direction and exclusion constants of {@link ClockRule}.
     * Empty when the table is sound.
     */
    static List<String> problemsOf(DmnModelInstance model) {
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the rules table has no decision table"));
        List<Input> inputs = List.copyOf(table.getInputs());
        List<Output> outputs = List.copyOf(table.getOutputs());
        List<String> problems = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            List<InputEntry> conditions = List.copyOf(rule.getInputEntries());
            List<OutputEntry> conclusions = List.copyOf(rule.getOutputEntries());
            for (int i = 0; i < inputs.size(); i++) {
                String input = inputs.get(i)
                        .getInputExpression()
                        .getText()
                        .getTextContent()
                        .strip();
                String value = literal(conditions.get(i).getTextContent());
                if (input.equals("clock")
                        && value != null
                        && ClockKind.ofId(value).isEmpty()) {
                    problems.add(rule.getId() + ": no clock \"" + value + "\"");
                }
            }
            for (int i = 0; i < outputs.size(); i++) {
                String value = literal(conclusions.get(i).getTextContent());
                Class<? extends Enum<?>> type = switch (outputs.get(i).getName()) {
                    case "startEvent" -> ClockStart.class;
                    case "unit" -> ClockRule.Unit.class;
                    case "direction" -> ClockRule.Direction.class;
                    case "exclusion" -> ClockRule.Exclusion.class;
                    case "endOfYear" -> ClockRule.EndOfYear.class;
                    default -> null;
                };
                if (outputs.get(i).getName().equals("endsAt")) {
                    for (String stop : events(value)) {
                        if (!isConstant(ClockStop.class, stop)) {
                            problems.add(rule.getId() + ": endsAt \"" + stop + "\" is not one of "
                                    + Arrays.toString(ClockStop.values()));
                        }
                    }
                }
                if (type != null && !isConstant(type, value)) {
                    problems.add(rule.getId() + ": " + outputs.get(i).getName() + " \"" + value + "\" is not one of "
                            + Arrays.toString(type.getEnumConstants()));
                }
            }
        }
        return problems;
    }

    /** A FEEL string literal's text ({@code "CONSENT"} gives CONSENT); null for "-" (any) or an empty cell. */
    private static String literal(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty() || stripped.equals("-")) {
            return null;
        }
        return stripped.startsWith("\"") && stripped.endsWith("\"") && stripped.length() >= 2
                ? stripped.substring(1, stripped.length() - 1)
                : stripped;
    }

    private static boolean isConstant(Class<? extends Enum<?>> type, String name) {
        return name != null
                && Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(name));
    }

    /** The events of an "Ends at" cell: names separated by commas; none for an empty cell. */
    static Set<ClockStop> stopEvents(String cell) {
        return events(cell).stream().map(ClockStop::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static List<String> events(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static ClockRule fromEntries(ClockKind kind, String state, Map<String, Object> entries) {
        return new ClockRule(
                kind,
                (String) entries.get("jurisdiction"),
                ((Number) entries.get("count")).intValue(),
                ClockRule.Unit.valueOf((String) entries.get("unit")),
                ClockRule.Direction.valueOf((String) entries.get("direction")),
                ClockRule.Exclusion.valueOf((String) entries.get("exclusion")),
                ClockStart.valueOf((String) entries.get("startEvent")),
                (String) entries.get("citation"),
                stopEvents((String) entries.get("endsAt")),
                entries.get("endOfYear") == null
                        ? ClockRule.EndOfYear.NONE
                        : ClockRule.EndOfYear.valueOf((String) entries.get("endOfYear")));
    }
}
