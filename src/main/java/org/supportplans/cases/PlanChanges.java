package org.supportplans.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a new version of an IEP changes, in the words of the IEP form: for the prior written notice and the history. */
final class PlanChanges {

    static final String NOTHING = "No change.";

    private PlanChanges() {}

    static String describe(PlanContent before, PlanContent after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.startsOn(), after.startsOn()) || !Objects.equals(before.endsOn(), after.endsOn())) {
            changed.add("the dates (now " + after.startsOn() + " to " + after.endsOn() + ")");
        }
        if (before instanceof PlanContent.Iep was && after instanceof PlanContent.Iep is) {
            compare(changed, was.presentLevels(), is.presentLevels(), "the present levels");
            compare(changed, was.annualGoals(), is.annualGoals(), "the annual goals");
            // a service's dates follow the IEP's; what, who, how much, how often and where are the service
            compare(changed, services(was), services(is), "the special education and related services");
            compare(changed, was.accommodations(), is.accommodations(), "the accommodations and supplementary aids");
            compare(changed, was.placement(), is.placement(), "the placement");
            compare(changed, was.transitionPlan(), is.transitionPlan(), "the transition plan");
            PlanContent.IepElements a = was.elements();
            PlanContent.IepElements b = is.elements();
            compare(changed, a.progressReporting(), b.progressReporting(), "how progress is reported");
            compare(changed, a.nondisabledPeers(), b.nondisabledPeers(), "time away from nondisabled peers");
            compare(changed, a.assessmentParticipation(), b.assessmentParticipation(), "the assessments");
            compare(changed, a.shortTermObjectives(), b.shortTermObjectives(), "the short-term objectives");
            compare(changed, a.specialFactors(), b.specialFactors(), "the special factors");
            compare(changed, a.extendedSchoolYear(), b.extendedSchoolYear(), "extended school year");
            compare(changed, a.transferOfRights(), b.transferOfRights(), "the transfer of rights");
        } else if (!Objects.equals(withoutDates(before), withoutDates(after))) {
            changed.add("the content");
        }
        if (changed.isEmpty()) {
            return NOTHING;
        }
        String text = String.join(", ", changed);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static List<String> services(PlanContent.Iep iep) {
        return iep.services().stream()
                .map(s -> s.service() + "|" + s.providerRole() + "|" + s.minutes() + "|" + s.frequency() + "|"
                        + s.setting())
                .toList();
    }

    private static void compare(List<String> changed, Object before, Object after, String what) {
        if (!Objects.equals(blankAsNull(before), blankAsNull(after))) {
            changed.add(what);
        }
    }

    private static Object blankAsNull(Object value) {
        return value instanceof String text && text.isBlank() ? null : value;
    }

    private static Object withoutDates(PlanContent content) {
        if (content instanceof PlanContent.Section504 plan) {
            return plan.accommodations();
        }
        PlanContent.Alp alp = (PlanContent.Alp) content;
        return List.of(
                alp.strengthAreas(), "" + alp.achievementGoals(), "" + alp.affectiveGoals(), "" + alp.programming());
    }
}
