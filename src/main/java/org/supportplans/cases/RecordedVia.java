package org.supportplans.cases;

/** How the parents' answer reached the case: typed in Tasklist by staff, through the API, or signed online. */
public enum RecordedVia {
    TASKLIST,
    API,
    /** the parents signed on the family's page ({@code /family}, issue 17) */
    FAMILY_PAGE
}
