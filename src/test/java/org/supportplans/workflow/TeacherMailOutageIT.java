package org.supportplans.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.supportplans.CaseDriver;
import org.supportplans.FakeMailServer;
import org.supportplans.FreshPostgresDatabase;
import org.supportplans.Http;
import org.supportplans.Referrals;
import org.supportplans.ServiceProcess;
import org.supportplans.Tasks;

/**
 * The mail server is down when an IEP takes effect: "Tell every teacher of record what to provide" (an
 * asynchronous step) fails, is retried with the back-off its diagram sets (5 times, 10 minutes apart),
 * then raises an incident that Cockpit shows; the case waits, nothing lost. Once the mail server is
 * back, a retry (what Cockpit's "Retry" does) finishes the step and the teachers are told, once.
 *
 * <p>Runs the built jar with a mail server of the test's own ({@link FakeMailServer}); the engine's
 * clock cannot be moved in another process, so the retries after the first are run at once through
 * the engine REST API ({@code POST /engine-rest/job/{id}/execute}) instead of 10 minutes apart.
 */
@Tag("slow") // starts the built jar: Failsafe's execution "slow" (pom.xml)
class TeacherMailOutageIT {

    static final String DATABASE = FreshPostgresDatabase.DATABASE + "_mail";
    static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @Test
    void aFailingMailServerRaisesAnIncidentAndARetryFinishesTheStep() {
        FreshPostgresDatabase.recreate(DATABASE);
        try (FakeMailServer mail = new FakeMailServer(ServiceProcess.freePort());
                ServiceProcess service = ServiceProcess.start(
                        "mail-outage",
                        FreshPostgresDatabase.url(DATABASE),
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + mail.port(),
                        "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
                        "--spring.mail.properties.mail.smtp.timeout=2000")) {
            service.awaitUp(Duration.ofMinutes(5));
            Http coordinator = Http.as(service.port(), "coordinator");
            Http admin = Http.as(service.port(), "demo");
            String caseId = iepAwaitingServicesConsent(service.port());

            // the mail server is down (never switched on) when the parents consent
            assertThat(parentsConsent(coordinator, caseId).status()).isEqualTo(202);
            Tasks.await("the step fails once", () -> {
                JsonNode job = notifyJob(admin, caseId);
                return job != null && job.path("retries").asInt() == 4;
            });
            JsonNode job = notifyJob(admin, caseId);
            assertThat(job.path("exceptionMessage").asText()).containsIgnoringCase("mail");
            assertThat(dueAt(job))
                    .as("the next try 10 minutes later (R5/PT10M)")
                    .isCloseTo(Instant.now().plus(Duration.ofMinutes(10)), within(2, ChronoUnit.MINUTES));
            String jobId = job.path("id").asText();

            for (int retriesLeft = 3; retriesLeft >= 0; retriesLeft--) {
                Http.Response tried = admin.post("/engine-rest/job/" + jobId + "/execute", Map.of());
                assertThat(tried.status()).as(tried.body()).isEqualTo(500);
                assertThat(notifyJob(admin, caseId).path("retries").asInt()).isEqualTo(retriesLeft);
            }

            String planDevelopment =
                    notifyJob(admin, caseId).path("processInstanceId").asText();
            JsonNode incidents = admin.get("/engine-rest/incident?processInstanceId=" + planDevelopment)
                    .json();
            assertThat(incidents).as("an incident, as Cockpit lists it").hasSize(1);
            assertThat(incidents.get(0).path("incidentType").asText()).isEqualTo("failedJob");
            assertThat(incidents.get(0).path("activityId").asText()).isEqualTo("ServiceTask_NotifyTeachers");
            assertThat(incidents.get(0).path("configuration").asText()).isEqualTo(jobId);
            JsonNode all = admin.get("/engine-rest/incident").json();
            assertThat(all)
                    .as("the case's top-level instance shows it too, at its call activity")
                    .hasSize(2)
                    .allSatisfy(incident -> assertThat(
                                    incident.path("rootCauseIncidentId").asText())
                            .isEqualTo(incidents.get(0).path("id").asText()));

            // the case is not lost: it waits at the step, its plan recorded, nobody told twice
            JsonNode waiting = coordinator.get("/api/cases/" + caseId).json();
            assertThat(waiting.path("teacherNotifications")).isEmpty();
            assertThat(waiting.path("plans").get(0).path("kind").asText()).isEqualTo("IEP");
            assertThat(admin.get("/engine-rest/process-instance?businessKey=" + caseId)
                            .json())
                    .isNotEmpty();
            assertThat(mail.recipients()).isEmpty();
            assertThat(service.health())
                    .as("a mail server that is down does not make the service unhealthy")
                    .isEqualTo("UP");

            // the mail server is back; Cockpit's "Retry": retries set again, due now
            mail.switchOn();
            Http.Response retry = admin.put(
                    "/engine-rest/job/" + jobId + "/retries",
                    Map.of("retries", 1, "dueDate", ENGINE_DATE.format(OffsetDateTime.now(ZoneOffset.UTC))));
            assertThat(retry.status()).as(retry.body()).isEqualTo(204);
            Tasks.await(
                    "the teachers are told",
                    () -> !coordinator
                            .get("/api/cases/" + caseId)
                            .json()
                            .path("teacherNotifications")
                            .isEmpty());
            assertThat(mail.recipients())
                    .containsExactlyInAnyOrder(
                            "special-education-teacher@demo-district.example.org",
                            "general-education-teacher@demo-district.example.org");
            assertThat(admin.get("/engine-rest/incident").json())
                    .as("the incidents are resolved")
                    .isEmpty();
            assertThat(coordinator
                            .get("/api/cases/" + caseId)
                            .json()
                            .path("phase")
                            .asText())
                    .isEqualTo("PLAN_IN_EFFECT");
        }
    }

    /** The job of the step "Tell every teacher of record", in the case's plan-development instance. */
    private static JsonNode notifyJob(Http admin, String caseId) {
        JsonNode instances = admin.get("/engine-rest/process-instance?businessKey=" + caseId + "&processDefinitionKey="
                        + SupportCaseProcess.PlanDevelopment.KEY)
                .json();
        if (instances.isEmpty()) {
            return null;
        }
        JsonNode jobs = admin.get("/engine-rest/job?activityId=ServiceTask_NotifyTeachers&processInstanceId="
                        + instances.get(0).path("id").asText())
                .json();
        return jobs.isEmpty() ? null : jobs.get(0);
    }

    private static Instant dueAt(JsonNode job) {
        return OffsetDateTime.parse(job.path("dueDate").asText(), ENGINE_DATE).toInstant();
    }

    private static Http.Response parentsConsent(Http coordinator, String caseId) {
        return coordinator.post(
                "/api/cases/" + caseId + "/parent-responses",
                Map.of(
                        "kind",
                        "SERVICES_CONSENT",
                        "decision",
                        "GIVEN",
                        "date",
                        Referrals.today().toString()));
    }

    /** A case driven as CaseJourneyIT drives it, up to the IEP written and the parents' consent awaited. */
    private static String iepAwaitingServicesConsent(int port) {
        LocalDate today = Referrals.today();
        return CaseDriver.overHttp(port)
                .aCase()
                .triaged()
                .consented(today)
                .evaluationPlanned("COGNITIVE")
                .areaEvaluated("school-psychologist", today, "Average reasoning, weak decoding.")
                .eligible(today)
                .meetingScheduled(today)
                .iepWritten(today)
                .meetingHeld(today)
                .id();
    }
}
