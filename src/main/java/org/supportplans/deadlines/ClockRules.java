package org.supportplans.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
 */
@Component
public class ClockRules {

    static final String DECISION_KEY = "clock-rule";
    private static final Duration RECHECK_DEPLOYMENT = Duration.ofMinutes(1);

    private final RepositoryService repositoryService;
    private final DmnEngine dmnEngine;
    private final AsApplication asApplication;

    private volatile Parsed parsed;

    private record Parsed(String definitionId, DmnDecision decision, Instant checkedAt) {}

    ClockRules(RepositoryService repositoryService, AsApplication asApplication) {
        this.repositoryService = repositoryService;
        // Camunda's DMN engine on its own: the process engine's would write decision history on every look-up
        this.dmnEngine =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        this.asApplication = asApplication;
    }

    public ClockRule ruleFor(String state, ClockKind kind) {
        DmnDecisionResult result = dmnEngine.evaluateDecision(decision(), Map.of("state", state, "clock", kind.id()));
        if (result.isEmpty()) {
            throw new IllegalStateException("the rules table has no rule for " + kind.id());
        }
        return fromEntries(kind, state, result.getFirstResult().getEntryMap());
    }

    private DmnDecision decision() {
        Parsed current = parsed;
        if (current != null && current.checkedAt().plus(RECHECK_DEPLOYMENT).isAfter(Instant.now())) {
            return current.decision();
        }
        DecisionDefinition latest = asApplication.call(() -> repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_KEY)
                .latestVersion()
                .singleResult());
        if (latest == null) {
            throw new IllegalStateException("the rules table " + DECISION_KEY + " is not deployed");
        }
        DmnDecision decision =
                current != null && current.definitionId().equals(latest.getId()) ? current.decision() : parse(latest);
        parsed = new Parsed(latest.getId(), decision, Instant.now());
        return decision;
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
