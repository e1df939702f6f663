package org.supportplans.cases;

/**
 * What a notice to the parents says. For prior written notice, the elements of 34 CFR 300.503(b): the action the
 * school proposes or refuses ({@code action}, {@code subject}); why ({@code reasons}); each evaluation, assessment,
 * record or report used ({@code evidence}); the other options considered and why they were rejected; other
 * relevant factors; the parents' procedural safeguards and where to get help ({@code safeguards}); written in the
 * parents' native language ({@code language}, BCP 47; 300.503(c)). For a Section 504 notice the safeguards are
 * those of 34 CFR 104.36.
 */
public record NoticeContent(
        Action action,
        String subject,
        String reasons,
        String evidence,
        String optionsConsidered,
        String otherFactors,
        String safeguards,
        String language) {

    public enum Action {
        PROPOSED,
        REFUSED,
        /** Not an action: a copy, a notice of a meeting. */
        INFORMATION
    }

    /** 34 CFR 300.503(b)(4), (5): the protections of Part B and where to find help. */
    public static final String IDEA_SAFEGUARDS = "You have protection under the procedural safeguards of the"
            + " Individuals with Disabilities Education Act (34 CFR 300.500-300.536). This is not a first referral for"
            + " evaluation, so the procedural safeguards notice is not enclosed; ask the school's special education"
            + " coordinator for a copy at any time, free of charge. For help understanding these rights, contact"
            + " your state's Parent Training and Information Center or the state department of education.";

    /** 34 CFR 104.36: notice, the right to examine records, an impartial hearing and review. */
    public static final String SECTION_504_SAFEGUARDS = "Under Section 504 of the Rehabilitation Act (34 CFR 104.36)"
            + " you have the right to be told of any action about your child's identification, evaluation or"
            + " placement; to examine the relevant records; to an impartial hearing, with the chance to take part"
            + " and to be represented by counsel; and to a review of the hearing's decision. Ask the school's"
            + " Section 504 coordinator for the district's Section 504 procedures, or contact the U.S. Department"
            + " of Education's Office for Civil Rights.";

    /** Colorado's gifted education rules (1 CCR 301-8, 12.02(2)(d)): the ALP is shared with the parents. */
    public static final String ALP_RIGHTS = "The Advanced Learning Plan is written with you and reviewed every year"
            + " (Colorado 1 CCR 301-8, rule 12). Ask the school's gifted education coordinator about the district's"
            + " procedure for disagreements.";

    /** The safeguards that apply to a plan of that kind. */
    public static String safeguardsFor(PlanKind kind) {
        return switch (kind) {
            case IEP -> IDEA_SAFEGUARDS;
            case SECTION_504 -> SECTION_504_SAFEGUARDS;
            case ALP -> ALP_RIGHTS;
        };
    }
}
