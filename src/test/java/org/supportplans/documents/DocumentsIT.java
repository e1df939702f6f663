package org.supportplans.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportplans.Referrals.today;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.CaseDriver;
import org.supportplans.Http;
import org.supportplans.PinnedToday;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;
import org.supportplans.people.SchoolTenants;

/**
 * A case driven from the referral to an IEP in effect, for a Spanish-speaking family: every document its
 * steps must produce is there, in Spanish, sealed (the hash of the bytes served and stored is the one listed
 * and audited), with a neutral file name; the IEP's proposed version is superseded by the one in effect. A
 * family whose language has no bundle gets English, a translation task and a line in the report.
 */
@PostgresIntegrationTest
@ExtendWith(PinnedToday.class)
class DocumentsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    SchoolTenants schoolTenants;

    @Test
    void aCaseDrivenToAnIepInEffectHasEveryDocumentInTheFamilysLanguageSealed() throws Exception {
        Http coordinator = Http.as(port, "coordinator");
        LocalDate today = today();
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("parentLanguage", "ES");
        String caseId = inEffect(referral, today);
        assertThat(coordinator
                        .get("/api/cases/" + caseId)
                        .json()
                        .path("parentLanguage")
                        .asText())
                .isEqualTo("es");

        Tasks.await(
                "the IEP in effect has its document",
                () -> listOf(coordinator, caseId).stream()
                        .anyMatch(d -> d.path("kind").asText().equals("IEP")
                                && d.path("version").asInt() == 2));
        List<JsonNode> documents = listOf(coordinator, caseId);

        // 34 CFR 300.300(a) and 300.503 (consent to evaluate with its notice), 300.306(a)(2) (report and
        // eligibility, with notice), 300.322(b) (meeting notice), 300.300(b) and 300.503 (consent for services
        // with its notice), 300.322(f) (the IEP: proposed, then in effect)
        assertThat(documents)
                .extracting(d -> d.path("kind").asText() + " v"
                        + d.path("version").asInt() + " " + d.path("status").asText())
                .containsExactlyInAnyOrder(
                        "CONSENT_REQUEST v1 FINAL",
                        "PRIOR_WRITTEN_NOTICE v1 FINAL",
                        "EVALUATION_REPORT v1 FINAL",
                        "ELIGIBILITY_DETERMINATION v1 FINAL",
                        "PRIOR_WRITTEN_NOTICE v1 FINAL",
                        "MEETING_NOTICE v1 FINAL",
                        "IEP v1 SUPERSEDED",
                        "CONSENT_REQUEST v1 FINAL",
                        "PRIOR_WRITTEN_NOTICE v1 FINAL",
                        "IEP v2 FINAL");
        assertThat(documents).allSatisfy(d -> {
            assertThat(d.path("language").asText()).isEqualTo("es");
            assertThat(d.path("createdAt").asText()).isNotBlank();
            assertThat(d.path("createdBy").asText()).isNotBlank();
            assertThat(d.path("step").asText()).isNotBlank();
        });

        for (JsonNode listed : documents) {
            long id = listed.path("id").asLong();
            HttpResponse<byte[]> pdf = bytes("coordinator", "/api/documents/" + id, "GET");
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
            String fileName = listed.path("kind").asText().toLowerCase().replace('_', '-') + "-v"
                    + listed.path("version").asInt() + ".pdf";
            assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                    .isEqualTo("attachment; filename=\"" + fileName + "\"");
            String sha256 = listed.path("sha256").asText();
            assertThat(Documents.sha256(pdf.body())).isEqualTo(sha256);
            byte[] stored = jdbc.queryForObject("select content from family_document where id = ?", byte[].class, id);
            assertThat(Documents.sha256(stored)).isEqualTo(sha256);
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("es");
                assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            }
            // the hash is in the audit log, with the case
            assertThat(jdbc.queryForObject(
                            "select count(*) from audit_event e join audit_event_case c on c.event_id = e.id"
                                    + " where e.resource = 'DOCUMENT' and e.interface_name = 'SERVICE'"
                                    + " and c.case_id = ? and e.query like ?",
                            Integer.class,
                            caseId,
                            "%sha256=" + sha256))
                    .isEqualTo(1);
        }
        // every download is audited (the audit filter writes its row once the answer is sent: wait for the last)
        Tasks.await(
                "every download in the audit log",
                () -> jdbc.queryForObject(
                                "select count(*) from audit_event e join audit_event_case c on c.event_id = e.id"
                                        + " where e.resource = 'DOCUMENT' and e.interface_name = 'API'"
                                        + " and e.user_id = 'coordinator' and c.case_id = ?",
                                Integer.class,
                                caseId)
                        == documents.size());

        // a draft preview: rendered from the case as it stands, not stored
        HttpResponse<byte[]> draft =
                bytes("coordinator", "/api/cases/" + caseId + "/documents/preview?kind=IEP", "POST");
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(DocumentRenderingTest.text(draft.body())).contains("Borrador");
        assertThat(listOf(coordinator, caseId)).hasSameSizeAs(documents);
        assertThat(bytes("coordinator", "/api/cases/" + caseId + "/documents/preview?kind=NOTHING", "POST")
                        .statusCode())
                .isEqualTo(400);

        // staff of another school: the documents do not exist for them
        String outsider = outsider();
        assertThat(bytes(
                                outsider,
                                "/api/documents/" + documents.get(0).path("id").asLong(),
                                "GET")
                        .statusCode())
                .isEqualTo(404);
        assertThat(Http.as(port, outsider)
                        .get("/api/cases/" + caseId + "/documents")
                        .status())
                .isEqualTo(404);
        assertThat(bytes(outsider, "/api/cases/" + caseId + "/documents/preview?kind=IEP", "POST")
                        .statusCode())
                .isEqualTo(404);
        assertThat(Http.anonymous(port)
                        .get("/api/cases/" + caseId + "/documents")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aFamilyLanguageWithoutABundleGetsEnglishATranslationTaskAndALineInTheReport() {
        Http coordinator = Http.as(port, "coordinator");
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("parentLanguage", "vi");
        String caseId = coordinator
                .post("/api/referrals", referral)
                .json()
                .path("caseId")
                .asText();
        CaseDriver.overHttp(port).theCase(caseId).triaged();

        List<JsonNode> documents = listOf(coordinator, caseId);
        assertThat(documents)
                .extracting(d -> d.path("kind").asText())
                .containsExactlyInAnyOrder("CONSENT_REQUEST", "PRIOR_WRITTEN_NOTICE");
        assertThat(documents)
                .allSatisfy(d -> assertThat(d.path("language").asText()).isEqualTo("en"));

        List<Task> ofCase = taskService
                .createTaskQuery()
                .taskName(TranslationTasks.TASK_NAME)
                .taskCandidateGroup("coordinator")
                .taskVariableValueEquals(TranslationTasks.CASE_ID, caseId)
                .list();
        // one task for the case, listing both documents
        assertThat(ofCase).hasSize(1);
        Task task = ofCase.get(0);
        assertThat(task.getTenantId()).isEqualTo("lincoln-elementary");
        assertThat(task.getDescription())
                .contains(caseId)
                .contains("translated into vi")
                .contains("the consent request (document ")
                .contains("the prior written notice (document ")
                .doesNotContain("Maya");
        // Colorado sets no translation clock (Illinois does: 23 Ill. Adm. Code 226.500(b), TranslationDueTest)
        assertThat(task.getDueDate()).isNull();

        JsonNode report =
                coordinator.get("/api/reports/documents-not-in-family-language").json();
        List<String> lines = new ArrayList<>();
        report.forEach(line -> {
            if (line.path("caseId").asText().equals(caseId)) {
                lines.add(
                        line.path("kind").asText() + " " + line.path("language").asText() + " for "
                                + line.path("familyLanguage").asText());
            }
        });
        assertThat(lines).containsExactlyInAnyOrder("CONSENT_REQUEST en for vi", "PRIOR_WRITTEN_NOTICE en for vi");
        assertThat(coordinator
                        .get("/api/reports/documents-not-in-family-language", "text/csv")
                        .body())
                .startsWith("caseId,familyLanguage,documentId,kind,language,createdAt")
                .contains(caseId + ",vi,");
    }

    @Test
    void aReferralWithALanguageThatIsNoTagIsRefused() {
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("parentLanguage", "not a language!");
        Http.Response refused = Http.as(port, "coordinator").post("/api/referrals", referral);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private String inEffect(Map<String, Object> referral, LocalDate today) {
        Http coordinator = Http.as(port, "coordinator");
        Http.Response referred = coordinator.post("/api/referrals", referral);
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String caseId = referred.json().path("caseId").asText();
        CaseDriver.overHttp(port)
                .theCase(caseId)
                .triaged()
                .consented(today)
                .evaluationPlanned("COGNITIVE", "ACADEMIC")
                .evaluated(today)
                .eligible(today)
                .meetingScheduled(today)
                .iepWritten(today)
                .meetingHeld(today)
                .servicesConsented(today);
        return caseId;
    }

    private List<JsonNode> listOf(Http staff, String caseId) {
        Http.Response listed = staff.get("/api/cases/" + caseId + "/documents");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<JsonNode> documents = new ArrayList<>();
        listed.json().forEach(documents::add);
        return documents;
    }

    private HttpResponse<byte[]> bytes(String userId, String path, String method) throws Exception {
        String token = Base64.getEncoder().encodeToString((userId + ":" + userId).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + token)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A coordinator of a school of another district, who may not see the demo schools' cases. */
    private String outsider() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String district = "documents-" + suffix;
        String school = "documents-school-" + suffix;
        String user = "documents-coordinator-" + suffix;
        Http demo = Http.as(port, "demo");
        assertThat(demo.post(
                                "/api/districts",
                                Map.of("id", district, "name", district, "state", "CO", "timeZone", "America/Denver"))
                        .status())
                .isEqualTo(201);
        assertThat(demo.post("/api/districts/" + district + "/schools", Map.of("id", school, "name", school))
                        .status())
                .isEqualTo(201);
        User staff = identityService.newUser(user);
        staff.setPassword(user);
        identityService.saveUser(staff);
        identityService.createMembership(user, "coordinator");
        jdbc.update("insert into school_staff (school_id, user_id) values (?, ?)", school, user);
        schoolTenants.staffChanged(user);
        return user;
    }
}
