package org.supportplans.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The template cases the bulk seeder copies ({@link BulkCases}): a case at each step, driven through the service,
 * each copied by a share of the seeded cases, moved back in time: open cases in every phase (their clocks running,
 * some past due), IEPs in effect (initial evaluation met, or met late: consent 75 days before the decision), and
 * years of closed cases (exited through {@code POST /api/cases/{id}/exit} as the demo coordinator).
 */
final class CaseTemplates {

    private final CaseDrive drive;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final int port;

    CaseTemplates(CaseDrive drive, ManagementService management, JdbcTemplate jdbc, int port) {
        this.drive = drive;
        this.management = management;
        this.jdbc = jdbc;
        this.port = port;
    }

    /** The nine templates, with the share of the seeded cases that copies each and how far back they are moved. */
    List<BulkCases.Template> driven(LocalDate today) {
        String school = "lincoln-elementary";
        String exited = drive.productCase(school, CaseDrive.Stop.IEP_IN_EFFECT, today);
        String exitedLate = drive.productCase(school, CaseDrive.Stop.IEP_IN_EFFECT, 75, today, this::settle);
        exit(exited, "GRADUATED");
        exit(exitedLate, "MOVED_AWAY");
        List<BulkCases.Template> templates = List.of(
                new BulkCases.Template(drive.productCase(school, CaseDrive.Stop.REFERRED, today), "triage", 3, 0, 20),
                new BulkCases.Template(
                        drive.productCase(school, CaseDrive.Stop.CONSENT_ASKED, today),
                        "waiting for consent",
                        4,
                        0,
                        30),
                new BulkCases.Template(
                        drive.productCase(school, CaseDrive.Stop.EVALUATING, today),
                        "evaluation (clock running, past due when moved back over 60 days)",
                        10,
                        0,
                        75),
                new BulkCases.Template(
                        drive.productCase(school, CaseDrive.Stop.PLAN_DEVELOPMENT, today),
                        "plan development",
                        4,
                        0,
                        40),
                new BulkCases.Template(
                        drive.productCase(school, CaseDrive.Stop.IEP_IN_EFFECT, today), "IEP in effect", 43, 0, 360),
                new BulkCases.Template(
                        drive.productCase(school, CaseDrive.Stop.IEP_IN_EFFECT, 75, today, this::settle),
                        "IEP in effect, evaluation met late",
                        6,
                        0,
                        360),
                new BulkCases.Template(exited, "closed after an IEP (graduated)", 20, 365, 1825),
                new BulkCases.Template(exitedLate, "closed after a late evaluation (moved away)", 5, 365, 1825),
                new BulkCases.Template(
                        drive.productCase(school, CaseDrive.Stop.DECLINED, today), "declined at triage", 5, 0, 1825));
        awaitJobs(management);
        return templates;
    }

    /** Until no job is due: the job executor has run every async continuation (and any timer due now). */
    static void awaitJobs(ManagementService management) {
        long giveUp = System.nanoTime() + 300_000_000_000L;
        while (management.createJobQuery().executable().count() > 0) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the job executor did not finish the due jobs in 5 minutes");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The next morning's deadline sweep, as the service would run it after the days the case was moved back over:
     * the district's sweep record reset (a bench run drives several such cases on one day), the hourly timer due
     * now; then every job that fell due.
     */
    private void settle() {
        jdbc.update("delete from deadline_sweep");
        management.setJobDuedate(
                management
                        .createJobQuery()
                        .processDefinitionKey("deadline-sweep")
                        .timers()
                        .singleResult()
                        .getId(),
                ClockUtil.getCurrentTime());
        awaitJobs(management);
    }

    private void exit(String caseId, String reason) {
        String basic = Base64.getEncoder().encodeToString("coordinator:coordinator".getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/api/cases/" + caseId + "/exit"))
                                    .header("Authorization", "Basic " + basic)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + reason + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new AssertionError("exit of " + caseId + ": " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
