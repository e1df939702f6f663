package org.supportplans.cases;

import java.util.Arrays;
import java.util.Optional;

/** The compliance clocks of DESIGN.md section 3, by their kebab-case names (the API's and the rules' names). */
public enum ClockKind {
    INITIAL_EVALUATION("initial-evaluation", "Initial evaluation and eligibility"),
    /**
     * The state's timeline where it ends later than eligibility (the IEP meeting, the proposed IEP, the IEP
     * implemented): a second clock beside the initial evaluation's, linked to it.
     */
    STATE_EVALUATION_TIMELINE(
            "state-evaluation-timeline", "State timeline from consent (or referral) to the state's end"),
    /** From the referral to the district's decision whether to evaluate, or its request for consent (states). */
    REFERRAL_DECISION("referral-decision", "Decision on the referral"),
    /** From the parents' consent to a reevaluation to the reevaluation completed. */
    REEVALUATION_TIMELINE("reevaluation-timeline", "Reevaluation completed after consent"),
    SECTION_504_EVALUATION("section-504-evaluation", "Section 504 evaluation"),
    IEP_MEETING("iep-meeting", "IEP meeting after eligibility"),
    MEETING_NOTICE("meeting-notice", "Meeting notice to the parents"),
    ALP_DEVELOPMENT("alp-development", "Advanced Learning Plan after identification"),
    ANNUAL_REVIEW("annual-review", "Annual review"),
    /**
     * The periodic review of a Section 504 plan or an ALP held without an IEP: district policy (34 CFR 104.35(d) asks
     * for periodic reevaluation and sets no review interval), yearly unless the district sets another count.
     */
    PLAN_REVIEW("plan-review", "Section 504 plan or ALP review"),
    REEVALUATION("reevaluation", "Reevaluation"),
    TRANSITION("transition", "Transition plan in the IEP"),
    PART_C_TO_B("part-c-to-b", "IEP in effect by the third birthday"),
    MANIFESTATION_DETERMINATION("manifestation-determination", "Manifestation determination"),
    RECORDS_REQUEST("records-request", "Parents' request to inspect records"),
    /**
     * The written notification to the parents before the school bills the child's public benefits (Medicaid) for the
     * first time, and every year after (34 CFR 300.154(d)(2)(v)): due a year after the last one.
     */
    MEDICAID_NOTICE("medicaid-notice", "Yearly notice on billing public benefits");

    private final String id;
    private final String label;

    ClockKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The kebab-case name, e.g. {@code initial-evaluation}. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<ClockKind> ofId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }
}
