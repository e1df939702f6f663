package org.supportplans.cases;

/**
 * The group that decided eligibility (34 CFR 300.306(a)(1): "a group of qualified professionals and the parent of
 * the child"): its members as the team wrote them (a name and a role a line), whether the parents took part, and
 * whether everyone agreed; a member who does not agree gives a separate statement of their conclusions (for a
 * specific learning disability, 300.311(b)), kept in {@code dissent}.
 */
public record EligibilityTeam(String members, boolean parentsTookPart, Agreement agreement, String dissent) {

    public enum Agreement {
        ALL_AGREE,
        SOME_DISAGREE
    }

    /** The rules a decision's team keeps; what breaks one is refused with what to write. */
    void check() {
        if (members == null || members.isBlank()) {
            throw new CaseRuleViolation(
                    "Name the team that decided: the qualified professionals and the parents (34 CFR 300.306(a)(1)).");
        }
        if (agreement == null) {
            throw new CaseRuleViolation("Say whether every member of the team agrees with the decision.");
        }
        if (agreement == Agreement.SOME_DISAGREE && (dissent == null || dissent.isBlank())) {
            throw new CaseRuleViolation("A member who disagrees gives a separate statement of their conclusions"
                    + " (34 CFR 300.311(b)): write who disagrees and why.");
        }
    }
}
