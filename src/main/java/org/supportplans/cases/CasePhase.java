package org.supportplans.cases;

/** Where a case stands on its path (DESIGN.md section 2). */
public enum CasePhase {
    TRIAGE,
    INTERVENTIONS,
    CONSENT_TO_EVALUATE,
    EVALUATION,
    PLAN_DEVELOPMENT,
    PLAN_IN_EFFECT,
    CLOSED
}
