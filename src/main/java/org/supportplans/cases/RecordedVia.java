package org.supportplans.cases;

/** How the parents' answer reached the case: typed in Tasklist by staff, or through the API. */
public enum RecordedVia {
    TASKLIST,
    API
}
