package org.supportplans.cases;

public enum EvaluationKind {
    INITIAL,
    REEVALUATION
}
