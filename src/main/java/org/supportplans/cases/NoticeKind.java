package org.supportplans.cases;

/** Notices sent to the parents, each required by a rule. */
public enum NoticeKind {
    EVALUATION_PLAN("the evaluation plan"),
    PRIOR_WRITTEN_NOTICE("prior written notice (34 CFR 300.503)"),
    PROCEDURAL_SAFEGUARDS("the procedural safeguards notice (34 CFR 300.504)"),
    CONSENT_FORM("the consent form"),
    CONSENT_REMINDER("a reminder to answer the consent request"),
    EVALUATION_REPORT("the evaluation report (34 CFR 300.306(a)(2))"),
    MEETING_NOTICE("the meeting notice (34 CFR 300.322(b))"),
    PLAN_COPY("a copy of the plan (34 CFR 300.322(f))"),
    SUMMARY_OF_PERFORMANCE("the summary of academic achievement and functional performance (34 CFR 300.305(e)(3))");

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
