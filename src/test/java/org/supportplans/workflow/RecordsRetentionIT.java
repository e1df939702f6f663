package org.supportplans.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;
import org.supportplans.deadlines.DeadlineSweeps.DistrictSweep;
import org.supportplans.people.District;
import org.supportplans.people.DistrictRepository;
import org.supportplans.people.School;
import org.supportplans.people.SchoolRepository;

/**
 * A district keeps a case's records 5 years after the student exits (its setting; 34 CFR 300.624): from 1 July, its
 * first morning sweep lists the exited cases past that for the district administrator ("Confirm the destruction of
 * records"); confirmed, with the day the parents were informed (300.624(a)), the case past retention is gone, ours
 * and the engine's history of it; a case within retention stays.
 *
 * <p>The test runs the district's sweep of today itself; should the service's own hourly sweep have run meanwhile
 * (the top of an hour), the district's claim of the day and its review are reset first.
 */
@PostgresIntegrationTest
class RecordsRetentionIT {

    static final String DISTRICT = "i20-retention-district";
    static final String SCHOOL = "i20-retention-school";

    @LocalServerPort
    int port;

    @Autowired
    DistrictRepository districts;

    @Autowired
    SchoolRepository schools;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeadlineSweep deadlineSweep;

    @Autowired
    HistoryService historyService;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Test
    void aCasePastRetentionIsListedConfirmedAndGoneOneWithinRetentionStays() {
        ZoneId zone = ZoneId.of("America/Chicago");
        if (districts.findById(DISTRICT).isEmpty()) {
            District district = districts.save(new District(DISTRICT, "Retention test district", "CO", zone));
            schools.save(new School(SCHOOL, district, "Retention test school"));
        }
        LocalDate today = LocalDate.now(zone);
        Http admin = Http.as(port, "demo");
        Http.Response kept =
                admin.put("/api/districts/" + DISTRICT + "/records-retention", Map.of("yearsAfterExit", 5));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(admin.put("/api/districts/" + DISTRICT + "/records-retention", Map.of("yearsAfterExit", 2))
                        .status())
                .as("fewer than 3 years refused")
                .isEqualTo(400);
        assertThat(admin.get("/api/districts/" + DISTRICT + "/records-retention")
                        .json()
                        .path("yearsAfterExit")
                        .asInt())
                .isEqualTo(5);

        // two students whose referrals were declined (the cases closed), one 5 years and a day ago (kept 5 years
        // after exit: through the fifth anniversary, yesterday; past retention today), one 5 years ago to the day
        // (its fifth anniversary is today: kept)
        String past = declinedCase(admin, today);
        String within = declinedCase(admin, today);
        exitedOn(past, today.minusYears(5).minusDays(1));
        exitedOn(within, today.minusYears(5));
        assertThat(history(past)).isPositive();

        jdbc.update("delete from deadline_sweep where district_id = ?", DISTRICT);
        jdbc.update("delete from records_review where district_id = ?", DISTRICT);
        assertThat(deadlineSweep.sweepDistrict(new DistrictSweep(DISTRICT, zone, today)))
                .isTrue();

        JsonNode task = confirmTask(admin);
        JsonNode shown = admin.get("/engine-rest/task/" + task.path("id").asText() + "/form-variables")
                .json();
        assertThat(shown.path("listedCount").path("value").asInt()).isEqualTo(1);
        assertThat(shown.path("caseIds").path("value").asText()).isEqualTo(past);
        assertThat(shown.path("keptYears").path("value").asInt()).isEqualTo(5);

        // a coordinator of the school whose tenant holds the task may read and assign it, not decide
        identityService.setAuthentication("coordinator", List.of("coordinator"), List.of(SCHOOL));
        try {
            String taskId = task.path("id").asText();
            taskService.setAssignee(taskId, "coordinator");
            assertThatThrownBy(() -> taskService.complete(
                            taskId,
                            Map.of(
                                    "recordsDecision",
                                    "DESTROY",
                                    "parentsInformedOn",
                                    today.minusDays(1).toString())))
                    .hasMessageContaining("Only a district administrator");
            taskService.setAssignee(taskId, null);
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(admin.get("/api/cases/" + past).status()).isEqualTo(200);

        // the parents' notice cannot be dated after today
        Http.Response tooEarly = Tasks.complete(
                admin,
                task,
                Map.of(
                        "recordsDecision",
                        "DESTROY",
                        "parentsInformedOn",
                        today.plusDays(1).toString()));
        assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(400);
        assertThat(tooEarly.body()).contains("300.624(a)");
        assertThat(admin.get("/api/cases/" + past).status()).isEqualTo(200);

        Http.Response confirmed = Tasks.complete(
                admin,
                task,
                Map.of(
                        "recordsDecision",
                        "DESTROY",
                        "parentsInformedOn",
                        today.minusDays(30).toString()));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);

        assertThat(admin.get("/api/cases/" + past).status())
                .as("the case past retention is gone")
                .isEqualTo(404);
        for (String table : new String[] {"support_case", "referral", "triage_decision", "case_event", "clock"}) {
            String column = table.equals("support_case") ? "id" : "case_id";
            assertThat(jdbc.queryForObject(
                            "select count(*) from " + table + " where " + column + " = ?", Integer.class, past))
                    .as(table)
                    .isZero();
        }
        assertThat(history(past)).as("the engine's history of the case").isZero();
        assertThat(admin.get("/api/cases/" + within).status())
                .as("the case within retention stays")
                .isEqualTo(200);
        assertThat(history(within)).isPositive();
        assertThat(jdbc.queryForMap(
                        "select status, parents_informed_on, decided_by from records_review where district_id = ?",
                        DISTRICT))
                .containsEntry("status", "DESTROYED")
                .containsEntry("parents_informed_on", Date.valueOf(today.minusDays(30)))
                .containsEntry("decided_by", "demo");

        // the review of this year is made: the next morning's sweep lists nothing again
        jdbc.update("delete from deadline_sweep where district_id = ?", DISTRICT);
        assertThat(deadlineSweep.sweepDistrict(new DistrictSweep(DISTRICT, zone, today)))
                .isTrue();
        assertThat(admin.get("/engine-rest/task?processDefinitionKey=records-destruction")
                        .json())
                .isEmpty();
    }

    /** Every table with a case_id column is one the destruction deletes from (or the audit log, kept by rule). */
    @Test
    void theDestructionKnowsEveryTableOfACase() {
        for (String table : jdbc.queryForList(
                "select table_name from information_schema.columns where column_name = 'case_id'"
                        + " and table_schema = current_schema()"
                        + " and table_name in (select table_name from information_schema.tables"
                        + " where table_type = 'BASE TABLE' and table_schema = current_schema())",
                String.class)) {
            if (table.startsWith("audit_event") || table.startsWith("records_review")) {
                continue;
            }
            assertThat(org.supportplans.retention.RecordsRetention.caseRowStatements())
                    .as(table)
                    .anyMatch(statement -> statement.startsWith("delete from " + table + " "));
        }
    }

    private JsonNode confirmTask(Http admin) {
        JsonNode tasks = admin.get("/engine-rest/task?processDefinitionKey=records-destruction"
                        + "&processVariables=districtId_eq_" + DISTRICT)
                .json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("name").asText()).isEqualTo("Confirm the destruction of records");
        return tasks.get(0);
    }

    private String declinedCase(Http admin, LocalDate today) {
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("schoolId", SCHOOL);
        referral.put("receivedOn", today.minusDays(3).toString());
        Http.Response referred = admin.post("/api/referrals", referral);
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String caseId = referred.json().path("caseId").asText();
        Tasks.done(
                admin,
                caseId,
                "Triage the referral",
                Map.of(
                        "triageOutcome",
                        "DECLINE",
                        "triageRationale",
                        "Reading at grade level in every measure the school holds."));
        Tasks.await(
                "the case closed",
                () -> "CLOSED"
                        .equals(jdbc.queryForObject(
                                "select status from support_case where id = ?", String.class, caseId)));
        return caseId;
    }

    private void exitedOn(String caseId, LocalDate day) {
        jdbc.update("update support_case set closed_on = ? where id = ?", Date.valueOf(day), caseId);
    }

    private long history(String caseId) {
        return historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .count();
    }
}
