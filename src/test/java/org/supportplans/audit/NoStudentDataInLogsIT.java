package org.supportplans.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;

/** A case's first steps, with mistakes on the way, write neither the student's name nor birth date to the log. */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoStudentDataInLogsIT {

    private static final String FIRST_NAME = "Quillonetta";
    private static final String LAST_NAME = "Zebrowski-Farnsworth";
    private static final String BIRTH_DATE = "2015-02-17";

    @LocalServerPort
    int port;

    @Test
    void aCaseJourneyLogsNoStudentNameOrBirthDate(CapturedOutput output) {
        LoggerFactory.getLogger("org.supportplans").warn("log capture check: application loggers are captured");
        Http coordinator = Http.as(port, "coordinator");
        String localId = Referrals.newStudentId();

        Http.Response referred = coordinator.post("/api/referrals", referral(localId, FIRST_NAME, BIRTH_DATE));
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String caseId = referred.json().path("caseId").asText();
        assertThat(coordinator
                        .post("/api/referrals", referral(localId, FIRST_NAME, BIRTH_DATE))
                        .status())
                .as("a second referral joins the case")
                .isEqualTo(200);
        // mistakes: a name too long, a birth date that is no date, a name where a date belongs, a refused answer
        assertThat(coordinator
                        .post("/api/referrals", referral(Referrals.newStudentId(), FIRST_NAME.repeat(12), BIRTH_DATE))
                        .status())
                .isEqualTo(400);
        assertThat(coordinator
                        .post(
                                "/api/referrals",
                                referral(Referrals.newStudentId(), FIRST_NAME, FIRST_NAME + " " + LAST_NAME))
                        .status())
                .isEqualTo(400);
        assertThat(coordinator
                        .post(
                                "/api/cases/" + caseId + "/parent-responses",
                                Map.of("kind", "SERVICES_CONSENT", "decision", "GIVEN", "date", LAST_NAME))
                        .status())
                .isEqualTo(400);
        assertThat(coordinator
                        .post(
                                "/api/cases/" + caseId + "/parent-responses",
                                Map.of(
                                        "kind",
                                        "SERVICES_CONSENT",
                                        "decision",
                                        "GIVEN",
                                        "date",
                                        Referrals.today().toString()))
                        .status())
                .isEqualTo(409);

        assertThat(coordinator.get("/api/cases/" + caseId).body()).contains(LAST_NAME);
        coordinator.get("/api/cases/" + caseId + "/timeline");
        coordinator.get("/api/cases?size=500");
        coordinator.get("/api/deadlines?size=500");
        coordinator.get("/api/deadlines.ics");
        Http.as(port, "district-admin").get("/api/reports/caseloads");

        // a form submitted with a mistake (no outcome), then right
        var triage = Tasks.open(coordinator, caseId, "Triage the referral");
        assertThat(Tasks.complete(
                                coordinator,
                                triage,
                                Map.of("triageRationale", FIRST_NAME + " " + LAST_NAME + " reads slowly."))
                        .status())
                .isEqualTo(400);
        Tasks.done(
                coordinator,
                caseId,
                "Triage the referral",
                Map.of(
                        "triageOutcome",
                        "EVALUATE_IDEA",
                        "triageRationale",
                        FIRST_NAME + " reads two years below grade."));
        assertThat(coordinator
                        .post(
                                "/api/cases/" + caseId + "/parent-responses",
                                Map.of(
                                        "kind",
                                        "EVALUATION_CONSENT",
                                        "decision",
                                        "GIVEN",
                                        "date",
                                        Referrals.today().toString()))
                        .status())
                .isEqualTo(202);
        Tasks.await(
                "the evaluation to plan",
                () -> Tasks.all(coordinator, caseId).stream()
                        .anyMatch(task -> task.path("name").asText().equals("Plan the evaluation")));
        coordinator.get("/api/cases/" + caseId);

        assertThat(output.getAll()).contains("log capture check: application loggers are captured");
        assertThat(output.getAll())
                .doesNotContain(FIRST_NAME)
                .doesNotContain(LAST_NAME)
                .doesNotContain(BIRTH_DATE)
                .doesNotContain("02/17/2015")
                .doesNotContain("Feb 17 2015");
    }

    private static Map<String, Object> referral(String localId, String firstName, String dateOfBirth) {
        Map<String, Object> body = new LinkedHashMap<>(Referrals.of(localId));
        body.put(
                "student",
                Map.of("localId", localId, "firstName", firstName, "lastName", LAST_NAME, "dateOfBirth", dateOfBirth));
        body.put("referredBy", Map.of("role", "PARENT", "name", "Parent of " + FIRST_NAME + " " + LAST_NAME));
        body.put("reason", FIRST_NAME + " reads two years below grade level; born " + BIRTH_DATE + ".");
        body.put("concerns", List.of("ACADEMIC"));
        return body;
    }
}
