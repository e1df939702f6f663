package org.supportplans.cases;

import java.util.Set;

/**
 * The written report of a specific learning disability determination (34 CFR 300.311(a)), beside the decision and
 * its basis (the decision's rationale, (a)(1)-(2)).
 *
 * @param observation (a)(3): the relevant behaviour noted in the observation of the child (300.310) and how it
 *     relates to the child's academic functioning
 * @param medicalFindings (a)(4): the educationally relevant medical findings, if any
 * @param areas (a)(5)(i), 300.309(a)(1): where the child does not achieve adequately for the child's age or the
 *     State's grade-level standards
 * @param basis (a)(5)(ii), 300.309(a)(2): insufficient progress with a scientific, research-based intervention, or a
 *     pattern of strengths and weaknesses
 * @param exclusionaryFactors (a)(6), 300.309(a)(3): the group's determination of the effects of a visual, hearing or
 *     motor disability, an intellectual disability, emotional disturbance, cultural factors, environmental or
 *     economic disadvantage, and limited English proficiency on the child's achievement
 * @param interventionData (a)(7)(i): where the child took part in a response-to-intervention process, the
 *     instructional strategies used and the student-centred data collected
 * @param parentsNotified (a)(7)(ii): the parents were told of the State's policies on the data collected, the
 *     services provided, the strategies to increase the rate of learning and their right to ask for an evaluation
 * @param certified 300.311(b): each member of the group certified in writing whether the report reflects their
 *     conclusion
 */
public record SldReport(
        String observation,
        String medicalFindings,
        Set<AchievementArea> areas,
        ProgressBasis basis,
        String exclusionaryFactors,
        String interventionData,
        boolean parentsNotified,
        boolean certified) {

    /** The eight areas of 34 CFR 300.309(a)(1). */
    public enum AchievementArea {
        ORAL_EXPRESSION("oral expression"),
        LISTENING_COMPREHENSION("listening comprehension"),
        WRITTEN_EXPRESSION("written expression"),
        BASIC_READING_SKILL("basic reading skill"),
        READING_FLUENCY("reading fluency skills"),
        READING_COMPREHENSION("reading comprehension"),
        MATHEMATICS_CALCULATION("mathematics calculation"),
        MATHEMATICS_PROBLEM_SOLVING("mathematics problem solving");

        private final String label;

        AchievementArea(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** 34 CFR 300.309(a)(2)(i) or (ii). */
    public enum ProgressBasis {
        RESPONSE_TO_INTERVENTION,
        PATTERN_OF_STRENGTHS_AND_WEAKNESSES
    }

    /** The elements of 300.311 a report must hold; what is missing is refused with the element to write. */
    void check() {
        if (blank(observation)) {
            throw missing("the behaviour noted in the observation and how it relates to the child's schoolwork"
                    + " (34 CFR 300.311(a)(3))");
        }
        if (areas == null || areas.isEmpty()) {
            throw missing("the areas where the child does not achieve adequately (34 CFR 300.309(a)(1),"
                    + " 300.311(a)(5)(i))");
        }
        if (basis == null) {
            throw missing("whether the child does not make sufficient progress with intervention or shows a pattern"
                    + " of strengths and weaknesses (34 CFR 300.309(a)(2), 300.311(a)(5)(ii))");
        }
        if (blank(exclusionaryFactors)) {
            throw missing("the team's determination on the other factors: vision, hearing or motor disability,"
                    + " intellectual disability, emotional disturbance, cultural factors, environmental or economic"
                    + " disadvantage, limited English proficiency (34 CFR 300.311(a)(6))");
        }
        if (basis == ProgressBasis.RESPONSE_TO_INTERVENTION && blank(interventionData)) {
            throw missing("the instructional strategies used and the student-centred data collected (34 CFR"
                    + " 300.311(a)(7)(i))");
        }
        if (basis == ProgressBasis.RESPONSE_TO_INTERVENTION && !parentsNotified) {
            throw new CaseRuleViolation("The parents must have been told of the data collected, the strategies used"
                    + " and their right to ask for an evaluation (34 CFR 300.311(a)(7)(ii)) before the determination.");
        }
        if (!certified) {
            throw new CaseRuleViolation("Each member of the team certifies in writing whether the report reflects"
                    + " their conclusion (34 CFR 300.311(b)).");
        }
    }

    private static CaseRuleViolation missing(String what) {
        return new CaseRuleViolation("The report of a specific learning disability needs " + what + ".");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
