package org.supportplans.cases;

public enum CaseStatus {
    OPEN,
    CLOSED
}
