package org.supportplans.cases;

import java.time.LocalDate;

/**
 * The content an IEP must hold (34 CFR 300.320(a), (b), (c) and 300.324(a)(2)), checked whenever a version is
 * written: the first IEP, an annual review's, an amendment's. Each message names the element as the IEP form
 * labels it.
 */
final class IepContent {

    // the age of majority under the demo state's law (Colorado, C.R.S. 13-22-101: 18); the rights transfer then
    static final int AGE_OF_MAJORITY = 18;

    private IepContent() {}

    static void check(PlanContent.Iep iep, LocalDate bornOn, boolean transitionAgeReached) {
        if (iep.endsOn().isBefore(iep.startsOn())) {
            throw new CaseRuleViolation(
                    "The IEP ends (" + iep.endsOn() + ") before it starts (" + iep.startsOn() + ").");
        }
        if (iep.endsOn().isAfter(iep.startsOn().plusYears(1).minusDays(1))) {
            // 34 CFR 300.324(b)(1)(i): reviewed at least once a year
            throw new CaseRuleViolation("An IEP runs for one year at most: end it by "
                    + iep.startsOn().plusYears(1).minusDays(1) + ".");
        }
        // 300.320(a)(1), (2)
        required(iep.presentLevels(), "Present levels of academic achievement and functional performance");
        required(iep.annualGoals(), "Measurable annual goals");
        if (iep.services().isEmpty()) {
            // 34 CFR 300.320(a)(4)
            throw new CaseRuleViolation("An IEP needs at least one special education or related service.");
        }
        for (PlanService service : iep.services()) {
            if (service.endsOn().isBefore(service.startsOn())) {
                throw new CaseRuleViolation("The service \"" + service.service() + "\" ends before it starts.");
            }
            if (service.endsOn().isAfter(iep.endsOn()) || service.startsOn().isBefore(iep.startsOn())) {
                throw new CaseRuleViolation(
                        "The service \"" + service.service() + "\" must run within the IEP's dates.");
            }
        }
        required(iep.placement(), "Placement (least restrictive environment)");
        if (transitionAgeReached) {
            // 300.320(b): from the first IEP in effect when the student reaches the state's transition age
            if (iep.transitionPlan() == null || iep.transitionPlan().isBlank()) {
                throw new CaseRuleViolation(
                        "The student reaches the transition age during this IEP: write the transition plan.");
            }
        }
        PlanContent.IepElements elements = iep.elements();
        if (elements == PlanContent.IepElements.NONE) {
            return; // an IEP recorded before these elements were asked (a version adopted as it was)
        }
        // 300.320(a)(3)(ii)
        required(elements.progressReporting(), "How and when progress is reported to the parents");
        // 300.320(a)(5)
        required(elements.nondisabledPeers(), "Time away from nondisabled peers, and why");
        // 300.320(a)(6)
        required(elements.assessmentParticipation(), "State and district assessments");
        if (elements.alternateAssessment()) {
            // 300.320(a)(6)(ii): why the regular assessment is not appropriate and why the alternate one is
            required(elements.alternateAssessmentWhy(), "Why the alternate assessment");
            // 300.320(a)(2)(ii): benchmarks or short-term objectives for a student on alternate assessment
            required(elements.shortTermObjectives(), "Benchmarks or short-term objectives");
        }
        // 300.106: extended school year decided by the team
        required(elements.extendedSchoolYear(), "Extended school year");
        // 300.320(c): not later than one year before the age of majority, the student is told of the rights
        LocalDate oneYearBeforeMajority = bornOn.plusYears(AGE_OF_MAJORITY - 1);
        if (!oneYearBeforeMajority.isAfter(iep.endsOn())) {
            required(elements.transferOfRights(), "Rights that transfer at the age of majority");
        }
    }

    /** Whether the IEP must hold the statement of the rights that transfer at majority (300.320(c)). */
    static boolean transferOfRightsDue(LocalDate bornOn, LocalDate iepEndsOn) {
        return !bornOn.plusYears(AGE_OF_MAJORITY - 1).isAfter(iepEndsOn);
    }

    private static void required(String value, String label) {
        if (value == null || value.isBlank()) {
            throw new CaseRuleViolation(label + ": required.");
        }
    }
}
