package org.supportplans.deadlines;

/** Why a clock was paused or finished late: what states ask for in Indicator 11 reports. */
public enum ReasonCode {
    PARENT_DID_NOT_PRODUCE_CHILD(
            "the parents repeatedly failed or refused to produce the child (34 CFR 300.301(d)(1))"),
    TRANSFER("the child enrolled in another district during the timeline (34 CFR 300.301(d)(2))"),
    SLD_WRITTEN_EXTENSION("extended by written agreement for a specific learning disability (34 CFR 300.309(c))"),
    SCHOOL_ERROR("the school's error"),
    /** Texas extends the evaluation by the school days a student missed, 3 or more (Tex. Educ. Code 29.004(a)). */
    STUDENT_ABSENT("the student was absent 3 or more school days during the evaluation (Tex. Educ. Code 29.004(a))"),
    /** Connecticut does not count the time spent obtaining the parents' consent (RCSA 10-76d-13(a)(1)). */
    CONSENT_PENDING(
            "waiting for the parents' consent to evaluate, not counted (Regs. Conn. State Agencies 10-76d-13(a)(1))"),
    OTHER("another reason, given in words");

    private final String description;

    ReasonCode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The exceptions of 34 CFR 300.301(d) and 300.309(c): not counted against the timeline in Indicator 11. */
    public boolean isExcusedByRule() {
        return this == PARENT_DID_NOT_PRODUCE_CHILD || this == TRANSFER || this == SLD_WRITTEN_EXTENSION;
    }
}
