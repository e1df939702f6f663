package org.supportplans.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.supportplans.CaseDriver.Forms;

/**
 * What a staff member enters in each task's form ({@link Forms}, the values the integration tests enter too),
 * valid as the server checks it, and the referrals coordinators receive. The mix: most referrals are evaluated under IDEA and end in an IEP; some are
 * Section 504 or gifted cases; a few students are found not eligible.
 */
final class TaskForms {

    /** The demo district's time zone: "today" in a form is today there. */
    private static final ZoneId DISTRICT_ZONE = ZoneId.of("America/Denver");

    static final List<String> SCHOOLS = List.of("lincoln-elementary", "roosevelt-middle", "jefferson-high");
    private static final List<String> CONCERNS =
            List.of("ACADEMIC", "COMMUNICATION", "BEHAVIORAL", "SOCIAL_EMOTIONAL", "HEALTH", "ADVANCED_ABILITY");

    private TaskForms() {}

    private static final Set<String> TASKS_WORKED = Set.of(
            "Task_TriageReferral",
            "Task_RecordParentAnswer",
            "Task_PlanEvaluation",
            "Task_EvaluateArea",
            "Task_DecideEligibility",
            "Task_SchedulePlanMeeting",
            "Task_HoldPlanMeeting",
            "Task_WriteIep",
            "Task_Write504Plan",
            "Task_WriteAlp");

    /** Whether the simulated staff work this task (not the reviews, nor a missed deadline's reason). */
    static boolean works(String taskKey) {
        return TASKS_WORKED.contains(taskKey);
    }

    static LocalDate today() {
        return LocalDate.now(DISTRICT_ZONE);
    }

    /** A referral of a new student at any demo school, as {@code POST /api/referrals} takes it. */
    static Map<String, Object> referral() {
        return referral(null);
    }

    /** A referral of a new student at that school (null: any demo school). */
    static Map<String, Object> referral(String school) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "student",
                Map.of(
                        "localId",
                        "L-" + UUID.randomUUID().toString().substring(0, 13),
                        "firstName",
                        "Sam",
                        "lastName",
                        "Rivera",
                        // 6 to 12 years old: no transition plan or Part C clock in play
                        "dateOfBirth",
                        today().minusYears(6 + random.nextInt(7))
                                .minusDays(random.nextInt(365))
                                .toString()));
        body.put("schoolId", school == null ? pick(SCHOOLS) : school);
        body.put("receivedOn", today().minusDays(random.nextInt(5)).toString());
        body.put("referredBy", Map.of("role", random.nextBoolean() ? "PARENT" : "TEACHER", "name", "Alex Rivera"));
        body.put("concerns", List.of(pick(CONCERNS)));
        body.put("parentRequestedEvaluation", random.nextBoolean());
        body.put("reason", "Falls behind in class; the team would like to look at it together.");
        return body;
    }

    /** The values of the task's form, from the task's definition key and the variables its form shows. */
    static Map<String, Object> valuesFor(String taskKey, JsonNode formVariables) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate today = today();
        Map<String, Object> values = new LinkedHashMap<>();
        switch (taskKey) {
            case "Task_TriageReferral" -> {
                int roll = random.nextInt(100);
                values.putAll(Forms.triage(
                        roll < 70 ? "EVALUATE_IDEA" : roll < 85 ? "CONSIDER_504" : "GIFTED_IDENTIFICATION",
                        "The concerns call for an evaluation."));
            }
            case "Task_RecordParentAnswer" -> values.putAll(Forms.parentAnswer(today));
            case "Task_PlanEvaluation" -> {
                List<String> areas = new ArrayList<>();
                switch (variable(formVariables, "triageOutcome")) {
                    case "CONSIDER_504" -> areas.addAll(List.of("HEALTH", "OBSERVATION"));
                    case "GIFTED_IDENTIFICATION" -> areas.addAll(List.of("GIFTED_MEASURES", "COGNITIVE"));
                    default -> {
                        areas.addAll(List.of("COGNITIVE", "ACADEMIC"));
                        if (random.nextBoolean()) {
                            areas.add(pick(List.of("SPEECH_LANGUAGE", "SOCIAL_EMOTIONAL", "OBSERVATION")));
                        }
                    }
                }
                values.putAll(Forms.evaluationPlan(areas.toArray(String[]::new)));
            }
            case "Task_EvaluateArea" ->
                values.putAll(Forms.areaReport(today, "Results within the expected range in most measures."));
            case "Task_DecideEligibility" -> {
                String outcome = switch (variable(formVariables, "triageOutcome")) {
                    case "CONSIDER_504" -> "SECTION_504";
                    case "GIFTED_IDENTIFICATION" -> "ALP";
                    default -> random.nextInt(10) > 0 ? "IEP" : "NOT_ELIGIBLE";
                };
                values.putAll(Forms.eligibility(today, outcome, "The team reviewed every report together."));
            }
            case "Task_SchedulePlanMeeting" -> values.putAll(Forms.planMeetingScheduled(today, "Conference room"));
            case "Task_HoldPlanMeeting" ->
                values.putAll(Forms.planMeetingHeld(
                        today,
                        "PARENT",
                        "coordinator",
                        "special-education-teacher",
                        "general-education-teacher",
                        "lea-representative"));
            case "Task_WriteIep" -> values.putAll(Forms.iep(today));
            case "Task_Write504Plan" -> values.putAll(Forms.section504Plan(today));
            case "Task_WriteAlp" -> values.putAll(Forms.alp(today));
            default -> throw new IllegalArgumentException("not a task the simulated staff work: " + taskKey);
        }
        return values;
    }

    private static String variable(JsonNode formVariables, String name) {
        return formVariables.path(name).path("value").asText("");
    }

    private static <T> T pick(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }
}
