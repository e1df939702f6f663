package org.supportplans.cases;

import java.time.LocalDate;
import java.util.List;

/** What the team writes in a plan: an IEP, a Section 504 plan or an Advanced Learning Plan, each from and to a date. */
public sealed interface PlanContent {

    LocalDate startsOn();

    LocalDate endsOn();

    /** The content of an IEP as the team wrote it (34 CFR 300.320). */
    record Iep(
            LocalDate startsOn,
            LocalDate endsOn,
            String presentLevels,
            String annualGoals,
            List<PlanService> services,
            String accommodations,
            String placement,
            String transitionPlan,
            IepElements elements)
            implements PlanContent {

        /** An IEP without the further elements of 34 CFR 300.320(a) (they are then checked as missing). */
        public Iep(
                LocalDate startsOn,
                LocalDate endsOn,
                String presentLevels,
                String annualGoals,
                List<PlanService> services,
                String accommodations,
                String placement,
                String transitionPlan) {
            this(
                    startsOn,
                    endsOn,
                    presentLevels,
                    annualGoals,
                    services,
                    accommodations,
                    placement,
                    transitionPlan,
                    IepElements.NONE);
        }

        public Iep {
            elements = elements == null ? IepElements.NONE : elements;
        }
    }

    /**
     * The elements of an IEP beside present levels, goals, services and placement (34 CFR 300.320(a),
     * 300.324(a)(2)): how progress is reported to the parents, the explanation of time away from nondisabled peers,
     * participation in state and district assessments, the short-term objectives of a student on alternate
     * assessment, the special factors considered, extended school year, and the transfer of rights at majority.
     */
    public record IepElements(
            String progressReporting,
            String nondisabledPeers,
            String assessmentParticipation,
            String alternateAssessmentWhy,
            String shortTermObjectives,
            String specialFactors,
            String extendedSchoolYear,
            String transferOfRights) {

        public static final IepElements NONE = new IepElements(null, null, null, null, null, null, null, null);

        /** On the alternate assessment against alternate achievement standards (300.320(a)(2)(ii), (a)(6)(ii)). */
        public boolean alternateAssessment() {
            return "ALTERNATE".equals(assessmentParticipation);
        }
    }

    /** The content of a Section 504 plan (34 CFR 104.33): its accommodations and who provides each. */
    record Section504(LocalDate startsOn, LocalDate endsOn, List<PlanAccommodation> accommodations)
            implements PlanContent {}

    /** The content of an Advanced Learning Plan (Colorado, 1 CCR 301-8 rule 12). */
    record Alp(
            LocalDate startsOn,
            LocalDate endsOn,
            List<String> strengthAreas,
            String achievementGoals,
            String affectiveGoals,
            String programming)
            implements PlanContent {}
}
