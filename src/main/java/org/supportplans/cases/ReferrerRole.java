package org.supportplans.cases;

/** Who referred the student. */
public enum ReferrerRole {
    PARENT,
    TEACHER,
    PHYSICIAN,
    STUDENT,
    OTHER
}
