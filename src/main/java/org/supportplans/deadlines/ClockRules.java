package org.supportplans.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;
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
public class ClockRules {

    static final String DECISION_KEY = "clock-rule";
    private static final Duration RECHECK_DEPLOYMENT = Duration.ofMinutes(1);

    private final RepositoryService repositoryService;
    private final DmnEngine dmnEngine;
    private final AsApplication asApplication;

    private volatile Parsed parsed;

    private record Parsed(
            String definitionId, DmnDecision decision, Instant checkedAt, Map<RuleKey, ClockRule> rules) {}

    private record RuleKey(String state, ClockKind kind) {}

    ClockRules(RepositoryService repositoryService, AsApplication asApplication) {
        this.repositoryService = repositoryService;
        // Camunda's DMN engine on its own: the process engine's would write decision history on every look-up
        this.dmnEngine =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        this.asApplication = asApplication;
    }

    public ClockRule ruleFor(String state, ClockKind kind) {
        Parsed table = table();
        return table.rules().computeIfAbsent(new RuleKey(state, kind), key -> evaluate(table.decision(), key));
    }

    private ClockRule evaluate(DmnDecision decision, RuleKey key) {
        DmnDecisionResult result = dmnEngine.evaluateDecision(
                decision, Map.of("state", key.state(), "clock", key.kind().id()));
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
        try (InputStream table = asApplication.call(() -> repositoryService.getDecisionModel(definition.getId()))) {
            return dmnEngine.parseDecision(DECISION_KEY, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClockRule fromEntries(ClockKind kind, String state, Map<String, Object> entries) {
        return new ClockRule(
                kind,
                (String) entries.get("jurisdiction"),
                ((Number) entries.get("count")).intValue(),
                ClockRule.Unit.valueOf((String) entries.get("unit")),
                ClockRule.Direction.valueOf((String) entries.get("direction")),
                ClockRule.Exclusion.valueOf((String) entries.get("exclusion")),
                (String) entries.get("startEvent"),
                (String) entries.get("citation"));
    }
}
