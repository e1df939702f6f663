package org.supportplans.cases;

public enum ParentDecision {
    GIVEN,
    REFUSED
}
