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

/**
 * What a staff member enters in each task's form, valid as the server checks it, and the referrals
 * coordinators receive. The mix: most referrals are evaluated under IDEA and end in an IEP; some are
 * Section 504 or gifted cases; a few students are found not eligible.
 */
final class TaskForms {

    /** The demo district's time zone: "today" in a form is today there. */
    private static final ZoneId DISTRICT_ZONE = ZoneId.of("America/Denver");

    private static final List<String> SCHOOLS = List.of("lincoln-elementary", "roosevelt-middle", "jefferson-high");
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

    /** A referral of a new student, as {@code POST /api/referrals} takes it. */
    static Map<String, Object> referral() {
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
        body.put("schoolId", pick(SCHOOLS));
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
        String today = today().toString();
        String yearEnd = today().plusYears(1).minusDays(1).toString();
        Map<String, Object> values = new LinkedHashMap<>();
        switch (taskKey) {
            case "Task_TriageReferral" -> {
                int roll = random.nextInt(100);
                values.put(
                        "triageOutcome",
                        roll < 70 ? "EVALUATE_IDEA" : roll < 85 ? "CONSIDER_504" : "GIFTED_IDENTIFICATION");
                values.put("triageRationale", "The concerns call for an evaluation.");
            }
            case "Task_RecordParentAnswer" -> {
                values.put("parentDecision", "GIVEN");
                values.put("parentDecisionDate", today);
            }
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
                values.put("evaluationAreas", areas);
            }
            case "Task_EvaluateArea" -> {
                values.put("areaCompletedOn", today);
                values.put("areaFindings", "Results within the expected range in most measures.");
            }
            case "Task_DecideEligibility" -> {
                values.put("eligibilityMeetingOn", today);
                switch (variable(formVariables, "triageOutcome")) {
                    case "CONSIDER_504" -> values.put("eligibilityOutcome", "SECTION_504");
                    case "GIFTED_IDENTIFICATION" -> values.put("eligibilityOutcome", "ALP");
                    default -> {
                        boolean eligible = random.nextInt(10) > 0;
                        values.put("eligibilityOutcome", eligible ? "IEP" : "NOT_ELIGIBLE");
                        if (eligible) {
                            values.put("ideaCategories", List.of("SPECIFIC_LEARNING_DISABILITY"));
                        }
                    }
                }
                values.put("eligibilityRationale", "The team reviewed every report together.");
            }
            case "Task_SchedulePlanMeeting" -> {
                values.put("planMeetingOn", today);
                values.put("planMeetingLocation", "Conference room");
            }
            case "Task_HoldPlanMeeting" -> {
                values.put("planMeetingHeldOn", today);
                values.put(
                        "meetingParticipants",
                        List.of("PARENT", "coordinator", "special-education-teacher", "general-education-teacher"));
            }
            case "Task_WriteIep" -> {
                values.put("iepStartsOn", today);
                values.put("iepEndsOn", yearEnd);
                values.put("presentLevels", "Reads one year below grade level; math at grade level.");
                values.put("annualGoals", "Reads grade-level text fluently by the end of the year.");
                values.put(
                        "services",
                        List.of(Map.of(
                                "service", "Specialized reading instruction",
                                "providerRole", "special-education-teacher",
                                "minutes", 30,
                                "frequency", "DAILY",
                                "setting", "SPECIAL_EDUCATION",
                                "startsOn", today,
                                "endsOn", yearEnd)));
                values.put("accommodations", "Extended time on tests.");
                values.put("placement", "REGULAR_CLASS_80_PERCENT_OR_MORE");
            }
            case "Task_Write504Plan" -> {
                values.put("plan504StartsOn", today);
                values.put("plan504EndsOn", yearEnd);
                values.put(
                        "accommodations504",
                        List.of(Map.of(
                                "accommodation", "Rest breaks and water at the desk",
                                "providerRole", "general-education-teacher")));
            }
            case "Task_WriteAlp" -> {
                values.put("alpStartsOn", today);
                values.put("alpEndsOn", yearEnd);
                values.put("strengthAreas", List.of("MATHEMATICS"));
                values.put("achievementGoals", "Completes the next grade's math course.");
                values.put("affectiveGoals", "Works with peers on open problems.");
                values.put("programming", "Math acceleration with a mentor once a week.");
            }
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
