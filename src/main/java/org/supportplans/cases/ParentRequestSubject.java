package org.supportplans.cases;

/**
 * What a parents' request the school refuses is about: the four matters of 34 CFR 300.503(a), "the identification,
 * evaluation, or educational placement of the child or the provision of FAPE".
 */
public enum ParentRequestSubject {
    IDENTIFICATION("identification (whether your child has a disability)"),
    EVALUATION("evaluation"),
    PLACEMENT("educational placement"),
    SERVICES("special education and related services");

    private final String words;

    ParentRequestSubject(String words) {
        this.words = words;
    }

    String words() {
        return words;
    }
}
