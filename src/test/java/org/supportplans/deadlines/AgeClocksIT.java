package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.supportplans.CaseDriver;
import org.supportplans.Http;
import org.supportplans.PinnedToday;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;

/** Clocks that come from a student's age appear on the case when they apply (demo district: Colorado). */
@PostgresIntegrationTest
@ExtendWith(PinnedToday.class)
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

        CaseDriver.overHttp(port)
                .theCase(caseId)
                .triaged("EVALUATE_IDEA", "Failing two core classes.")
                .consented(today)
                .evaluationPlanned("ACADEMIC")
                .areaEvaluated("special-education-teacher", today, "Reads at a fifth-grade level in ninth grade.")
                .eligible(today)
                .meetingScheduled(today, "Room 4");

        Map<String, Object> iep = CaseDriver.Forms.iep(today);
        iep.put("presentLevels", "Decodes fluently; comprehension of grade-level text is weak.");
        iep.put("annualGoals", "Summarizes grade-level passages with 80% accuracy by May.");
        Http.Response withoutTransition = Tasks.complete(teacher, Tasks.open(teacher, caseId, "Draft the IEP"), iep);
        assertThat(withoutTransition.status()).isEqualTo(400);
        // the form shows the transition plan, required, once the student reaches the age during the IEP
        assertThat(withoutTransition.body()).contains("Transition plan: required.");

        iep.put("transitionPlan", "Career interest inventory this fall; job shadowing at the hospital in spring.");
        CaseDriver.overHttp(port)
                .theCase(caseId)
                .iepWritten(iep)
                .meetingHeld(
                        today,
                        "PARENT",
                        "STUDENT",
                        "coordinator",
                        "special-education-teacher",
                        "general-education-teacher",
                        "lea-representative")
                .servicesConsented(today);

        JsonNode transition = clock(coordinator, caseId, "transition");
        assertThat(transition.path("dueDate").asText())
                .as("the 15th birthday")
                .isEqualTo(born.plusYears(15).toString());
        assertThat(transition.path("legalBasis").asText()).startsWith("1 CCR 301-8");
        assertThat(transition.path("status").asText())
                .as("the IEP plans the transition")
                .isEqualTo("MET");
    }

    private String refer(Http coordinator, LocalDate born) {
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        ((Map<String, Object>) referral.get("student")).put("dateOfBirth", born.toString());
        return CaseDriver.overHttp(port).aCase(referral).id();
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
