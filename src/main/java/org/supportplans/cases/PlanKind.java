package org.supportplans.cases;

/** The kinds of support plan a student can hold; a twice-exceptional student holds an ALP beside an IEP or a 504. */
public enum PlanKind {
    /** Individualized Education Program, IDEA (34 CFR 300.320). */
    IEP,
    /** Section 504 plan (34 CFR 104.33). */
    SECTION_504,
    /** Advanced Learning Plan for a gifted student (Colorado 1 CCR 301-8). */
    ALP
}
