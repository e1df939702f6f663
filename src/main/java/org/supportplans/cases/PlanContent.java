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
            String transitionPlan)
            implements PlanContent {}

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
