package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;

/** Clocks that come from a student's age appear on the case when they apply (demo district: Colorado). */
@PostgresIntegrationTest
class AgeClocksIT {

    @LocalServerPort
    int port;

    @Test
    void aChildReferredBeforeThreeHasAnIepDueByTheThirdBirthday() {
        Http coordinator = Http.as(port, "coordinator");
        LocalDate born = Referrals.today().minusYears(2).minusMonths(6);

        String caseId = refer(coordinator, born);

        JsonNode clock = clock(coordinator, caseId, "part-c-to-b");
        assertThat(clock.path("dueDate").asText()).isEqualTo(born.plusYears(3).toString());
        assertThat(clock.path("legalBasis").asText()).isEqualTo("34 CFR 300.124(b)");
        assertThat(clock.path("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void anIepInEffectWhenTheStudentTurnsFifteenInColoradoPlansTheTransition() {
        Http coordinator = Http.as(port, "coordinator");
        Http teacher = Http.as(port, "special-education-teacher");
        LocalDate today = Referrals.today();
        LocalDate born = today.minusYears(15).plusMonths(1);
        String caseId = refer(coordinator, born);
        assertThat(clocks(coordinator, caseId))
                .as("no age clock for a 14-year-old's referral")
                .isEmpty();

        Tasks.done(
                coordinator,
                caseId,
                "Triage the referral",
                Map.of("triageOutcome", "EVALUATE_IDEA", "triageRationale", "Failing two core classes."));
        assertThat(coordinator
                        .post(
                                "/api/cases/" + caseId + "/parent-responses",
                                Map.of("kind", "EVALUATION_CONSENT", "decision", "GIVEN", "date", today.toString()))
                        .status())
                .isEqualTo(202);
        Tasks.done(coordinator, caseId, "Plan the evaluation", Map.of("evaluationAreas", List.of("ACADEMIC")));
        Tasks.done(
                teacher,
                caseId,
                "Evaluate an area",
                Map.of(
                        "areaCompletedOn",
                        today.toString(),
                        "areaFindings",
                        "Reads at a fifth-grade level in ninth grade."));
        Tasks.done(
                coordinator,
                caseId,
                "Hold the eligibility meeting and decide",
                Map.of(
                        "eligibilityMeetingOn",
                        today.toString(),
                        "eligibilityOutcome",
                        "IEP",
                        "ideaCategories",
                        List.of("SPECIFIC_LEARNING_DISABILITY"),
                        "eligibilityRationale",
                        "A specific learning disability in reading comprehension."));
        Tasks.done(
                coordinator,
                caseId,
                "Schedule the plan meeting",
                Map.of("planMeetingOn", today.toString(), "planMeetingLocation", "Room 4"));
        Tasks.done(
                coordinator,
                caseId,
                "Hold the plan meeting",
                Map.of(
                        "planMeetingHeldOn",
                        today.toString(),
                        "meetingParticipants",
                        List.of("PARENT", "STUDENT", "coordinator", "special-education-teacher")));

        Map<String, Object> iep = new java.util.HashMap<>(Map.of(
                "iepStartsOn",
                today.toString(),
                "iepEndsOn",
                today.plusYears(1).minusDays(1).toString(),
                "presentLevels",
                "Decodes fluently; comprehension of grade-level text is weak.",
                "annualGoals",
                "Summarizes grade-level passages with 80% accuracy by May.",
                "services",
                List.of(Map.of(
                        "service", "Reading comprehension strategies",
                        "providerRole", "special-education-teacher",
                        "minutes", 50,
                        "frequency", "WEEKLY",
                        "setting", "SPECIAL_EDUCATION",
                        "startsOn", today.toString(),
                        "endsOn", today.plusYears(1).minusDays(1).toString())),
                "placement",
                "REGULAR_CLASS_80_PERCENT_OR_MORE"));
        Http.Response withoutTransition = Tasks.complete(teacher, Tasks.open(teacher, caseId, "Write the IEP"), iep);
        assertThat(withoutTransition.status()).isEqualTo(400);
        assertThat(withoutTransition.body()).contains("transition");

        iep.put("transitionPlan", "Career interest inventory this fall; job shadowing at the hospital in spring.");
        Tasks.done(teacher, caseId, "Write the IEP", iep);
        assertThat(coordinator
                        .post(
                                "/api/cases/" + caseId + "/parent-responses",
                                Map.of("kind", "SERVICES_CONSENT", "decision", "GIVEN", "date", today.toString()))
                        .status())
                .isEqualTo(202);

        JsonNode transition = clock(coordinator, caseId, "transition");
        assertThat(transition.path("dueDate").asText())
                .as("the 15th birthday")
                .isEqualTo(born.plusYears(15).toString());
        assertThat(transition.path("legalBasis").asText()).startsWith("1 CCR 301-8");
        assertThat(transition.path("status").asText())
                .as("the IEP plans the transition")
                .isEqualTo("MET");
    }

    private static String refer(Http coordinator, LocalDate born) {
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        ((Map<String, Object>) referral.get("student")).put("dateOfBirth", born.toString());
        Http.Response referred = coordinator.post("/api/referrals", referral);
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        return referred.json().path("caseId").asText();
    }

    private static List<JsonNode> clocks(Http staff, String caseId) {
        List<JsonNode> clocks = new java.util.ArrayList<>();
        staff.get("/api/cases/" + caseId).json().path("clocks").forEach(clocks::add);
        return clocks;
    }

    private static JsonNode clock(Http staff, String caseId, String kind) {
        return clocks(staff, caseId).stream()
                .filter(c -> kind.equals(c.path("kind").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " clock on " + clocks(staff, caseId)));
    }
}
