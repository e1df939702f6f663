package org.supportplans.documents;

import java.util.Locale;

/** The documents a family receives, each required by a rule (cited on each kind). */
public enum DocumentKind {
    /** 34 CFR 300.300(a), (b), (c); informed consent as defined in 300.9. */
    CONSENT_REQUEST,
    /** 34 CFR 300.503: each element of 300.503(b). */
    PRIOR_WRITTEN_NOTICE,
    /** 34 CFR 300.322(b). */
    MEETING_NOTICE,
    /** 34 CFR 300.306(a)(2): a copy of the evaluation report. */
    EVALUATION_REPORT,
    /** 34 CFR 300.306(a)(2), (c): the documentation of the determination of eligibility. */
    ELIGIBILITY_DETERMINATION,
    /** 34 CFR 300.320, a copy to the parents under 300.322(f). */
    IEP,
    /** 34 CFR 104.33, 104.36. */
    SECTION_504_PLAN,
    /** Colorado 1 CCR 301-8, 12.02(2)(d). */
    ALP,
    /** 34 CFR 300.320(a)(3)(ii): periodic reports on the progress toward the annual goals. */
    PROGRESS_REPORT,
    /** 34 CFR 300.305(e)(3): on graduation with a regular diploma or aging out. */
    SUMMARY_OF_PERFORMANCE;

    /** The neutral file name, e.g. {@code prior-written-notice-v2.pdf}: nothing about the student. */
    public String fileName(int version) {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + "-v" + version + ".pdf";
    }
}
