package org.supportplans.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportplans.Referrals.today;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
 * The family's page on PostgreSQL: staff invite the parents, a parent signs in with the letter code and the child's
 * date of birth, reads, and answers; the answer reaches the case as {@code POST /api/cases/{id}/parent-responses}
 * does (the clock starts that day), with its evidence kept and audited. Wrong tries lock the link; unknown, expired
 * and used links get one same page; the page shows nothing of the student before the sign-in and logs no code.
 */
@PostgresIntegrationTest
@ExtendWith({PinnedToday.class, OutputCaptureExtension.class})
class FamilyIT {

    private static final LocalDate BIRTH_DATE = LocalDate.of(2016, 4, 2);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    @Autowired
    SchoolTenants schoolTenants;

    @Autowired
    FamilySignIn signIn;

    @Test
    void aParentSignsInReadsAndGivesConsentAndTheEvaluationClockStartsThatDay(CapturedOutput output) {
        Http coordinator = Http.as(port, "coordinator");
        LocalDate today = today();
        String caseId = CaseDriver.overHttp(port).aCase().triaged().id();

        Http.Response created = coordinator.post(
                "/api/cases/" + caseId + "/parent-invitations",
                Map.of("kind", "EVALUATION_CONSENT", "email", "ana.lopez@example.org"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode invitation = created.json();
        String url = invitation.path("url").asText();
        String letterCode = invitation.path("letterCode").asText();
        assertThat(url).startsWith("http://localhost:" + port + "/family/i/");
        assertThat(letterCode).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        assertThat(invitation.path("expiresOn").asText())
                .isEqualTo(today.plusDays(14).toString());
        assertThat(created.header("Location"))
                .endsWith(invitation.path("invitationId").asText());
        // only hashes are stored
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from family_invitation where link_hash = ? or code_hash = ?",
                        Integer.class,
                        token,
                        letterCode))
                .isZero();

        // the page before the sign-in: nothing of the student, CSP and no-referrer set
        Parent parent = new Parent(port);
        Parent.Page signInPage = parent.open(url);
        assertThat(signInPage.status()).isEqualTo(200);
        assertThat(signInPage.body()).doesNotContain("Maya", "Lopez", "2016", "Lincoln");
        assertThat(signInPage.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
        assertThat(signInPage.header("Referrer-Policy")).isEqualTo("no-referrer");
        // no CSRF token: refused, nothing counted, a plain page that says what to do
        Parent.Page noToken = parent.postRaw(url, Map.of("letterCode", letterCode, "birthYear", "2016"));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.header("Content-Type")).startsWith("text/html");
        assertThat(noToken.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(noToken.body()).contains("This page was open too long", "reload the page");

        // a wrong date of birth, then the right one
        Parent.Page wrong = parent.signIn(url, letterCode, BIRTH_DATE.plusDays(1));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("not right").doesNotContain("Maya");
        Parent.Page signedIn = parent.signIn(url, letterCode.toLowerCase().replace("-", " "), BIRTH_DATE);
        assertThat(signedIn.status()).isEqualTo(303);
        Parent.Page request = parent.open("/family/request");
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.body())
                .contains("May the school evaluate Maya?", "Request for your consent", "Read it here")
                .contains("Download the PDF");

        // a document shown: the sealed bytes of the case's final document
        List<JsonNode> documents =
                list(coordinator.get("/api/cases/" + caseId + "/documents").json());
        JsonNode consentRequest = documents.stream()
                .filter(d -> d.path("kind").asText().equals("CONSENT_REQUEST"))
                .findFirst()
                .orElseThrow();
        var pdf =
                parent.download("/family/documents/" + consentRequest.path("id").asLong());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(FamilyCodes.sha256Hex(pdf.body()))
                .isEqualTo(consentRequest.path("sha256").asText());
        // and as a page: the words of that PDF, in its language, inside the page's own policy (no inline style)
        Parent.Page reading =
                parent.open("/family/documents/" + consentRequest.path("id").asLong() + "/read");
        assertThat(reading.status()).isEqualTo(200);
        assertThat(reading.body())
                .contains("<article class=\"reading\" lang=\"en\">", "We are asking for your consent", "Maya")
                .contains("You can also answer online", "Download the PDF: Request for your consent")
                .doesNotContain("style=", "<style");
        assertThat(pdfText(pdf.body())).contains("You can also answer online");
        // another case's document: not found, the same as none
        String otherCaseId = CaseDriver.overHttp(port).aCase().triaged().id();
        long otherDocument = list(coordinator
                        .get("/api/cases/" + otherCaseId + "/documents")
                        .json())
                .get(0)
                .path("id")
                .asLong();
        assertThat(parent.open("/family/documents/" + otherDocument + "/read").status())
                .isEqualTo(404);
        assertThat(parent.download("/family/documents/" + otherDocument).statusCode())
                .isEqualTo(404);

        // the answer, with its confirmation step: nothing recorded before the confirmation
        assertThat(parent.answer("GIVEN", "").status()).isEqualTo(400);
        Parent.Page review =
                parent.post("/family/request/review", Map.of("decision", "GIVEN", "signedName", "Ana Lopez"));
        assertThat(review.body()).contains("I give my consent for the school to evaluate my child");
        assertThat(consent(coordinator, caseId, "EVALUATION_CONSENT")
                        .path("decision")
                        .isMissingNode())
                .isTrue();
        Parent.Page confirmed =
                parent.post("/family/request/confirm", Map.of("decision", "GIVEN", "signedName", "Ana Lopez"));
        assertThat(confirmed.status()).isEqualTo(303);
        Parent.Page receipt = parent.open("/family/request");
        assertThat(receipt.body())
                .contains("Thank you", "Ana Lopez", "Receipt number", "Date and time", "(America/Denver)")
                .contains("The code from the school&#39;s letter and your child&#39;s date of birth")
                .contains(consentRequest.path("sha256").asText(), "Download the receipt (PDF)");

        // the receipt as a PDF: the parent's, and the same for staff by its receipt number
        var receiptPdf = parent.download("/family/receipt");
        assertThat(receiptPdf.statusCode()).isEqualTo(200);
        assertThat(receiptPdf.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/pdf");
        String receiptText = pdfText(receiptPdf.body());
        long receiptNumber = coordinator
                .get("/api/cases/" + caseId + "/parent-invitations")
                .json()
                .get(0)
                .path("receiptNumbers")
                .get(0)
                .asLong();
        assertThat(receiptText)
                .contains("Receipt of your answer", "May the school evaluate Maya?", "I give my consent")
                .contains(
                        "Ana Lopez",
                        String.valueOf(receiptNumber),
                        consentRequest.path("sha256").asText())
                .contains("The code from the school's letter");
        String receiptPath = "/api/cases/" + caseId + "/family-receipts/" + receiptNumber;
        HttpResponse<byte[]> staffCopy = staffDownload("coordinator", receiptPath);
        assertThat(staffCopy.statusCode()).isEqualTo(200);
        assertThat(pdfText(staffCopy.body())).isEqualTo(receiptText);
        assertThat(staffDownload(outsider(), receiptPath).statusCode()).isEqualTo(404);
        String otherCase = CaseDriver.overHttp(port).aCase().triaged().id();
        assertThat(staffDownload("coordinator", "/api/cases/" + otherCase + "/family-receipts/" + receiptNumber)
                        .statusCode())
                .isEqualTo(404);

        // the case: consent given today, recorded via the family's page, the evaluation clock started today;
        // Colorado (the demo district's state): 60 calendar days from the consent (34 CFR 300.301(c)(1), 1 CCR 301-8
        // 2220-R-4.02(3)(b))
        JsonNode after = coordinator.get("/api/cases/" + caseId).json();
        JsonNode consent = consent(coordinator, caseId, "EVALUATION_CONSENT");
        assertThat(consent.path("decision").asText()).isEqualTo("GIVEN");
        assertThat(consent.path("decidedOn").asText()).isEqualTo(today.toString());
        assertThat(consent.path("recordedVia").asText()).isEqualTo("FAMILY_PAGE");
        assertThat(after.path("phase").asText()).isEqualTo("EVALUATION");
        assertThat(after.path("due").path("evaluation").asText())
                .isEqualTo(today.plusDays(60).toString());
        JsonNode clock = list(after.path("clocks")).stream()
                .filter(c -> c.path("startEvent").asText().equals("CONSENT"))
                .findFirst()
                .orElseThrow();
        assertThat(clock.path("startDate").asText()).isEqualTo(today.toString());
        // and the case moved on: the coordinator plans the evaluation
        CaseDriver.overHttp(port).theCase(caseId).evaluationPlanned("COGNITIVE");

        // the evidence, with the consent and in the audit log
        Map<String, Object> evidence = jdbc.queryForMap(
                "select * from family_consent_evidence where case_id = ? and kind = 'EVALUATION_CONSENT'", caseId);
        assertThat(evidence.get("decision")).isEqualTo("GIVEN");
        assertThat(evidence.get("signed_name")).isEqualTo("Ana Lopez");
        assertThat(evidence.get("identity_method")).isEqualTo("LETTER_CODE_AND_BIRTH_DATE");
        assertThat((String) evidence.get("decision_words")).startsWith("I give my consent");
        assertThat(evidence.get("ip_address")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(evidence.get("user_agent")).isEqualTo("ParentTest/1.0 (phone)");
        assertThat(evidence.get("decided_on").toString()).isEqualTo(today.toString());
        assertThat(((String) evidence.get("document_hashes")).split(","))
                .containsExactlyInAnyOrderElementsOf(
                        documents.stream().map(d -> d.path("sha256").asText()).toList());
        Tasks.await(
                "the consent in the audit log",
                () -> jdbc.queryForObject(
                                "select count(*) from audit_event e join audit_event_case c on c.event_id = e.id"
                                        + " where c.case_id = ? and e.resource = 'FAMILY_CONSENT'"
                                        + " and e.interface_name = 'FAMILY' and e.query like ?",
                                Integer.class,
                                caseId,
                                "%decision=GIVEN%sha256%"
                                        .replace(
                                                "sha256",
                                                consentRequest.path("sha256").asText()))
                        == 1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event e join audit_event_case c on c.event_id = e.id"
                                + " where c.case_id = ? and e.resource in ('FAMILY_SIGN_IN', 'DOCUMENT')"
                                + " and e.interface_name = 'FAMILY'",
                        Integer.class,
                        caseId))
                .isGreaterThanOrEqualTo(3);

        // staff see the invitation answered
        JsonNode listed = coordinator
                .get("/api/cases/" + caseId + "/parent-invitations")
                .json()
                .get(0);
        assertThat(listed.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(listed.path("createdBy").asText()).isEqualTo("coordinator");

        // a second answer through the link is not taken
        assertThat(parent.answer("REFUSED", "Ana Lopez").status()).isEqualTo(303);
        assertThat(consent(coordinator, caseId, "EVALUATION_CONSENT")
                        .path("decision")
                        .asText())
                .isEqualTo("GIVEN");

        // signed out: the pages with the student's data are closed
        parent.post("/family/sign-out", Map.of());
        assertThat(parent.open("/family/request").status()).isEqualTo(401);

        // no code, no link, no birth date in the log
        assertThat(output.getAll()).doesNotContain(token, letterCode, "2016-04-02");
    }

    @Test
    void aParentWithAnAddressOnRecordAsksForACodeByEmailAndSignsInWithIt(CapturedOutput output) {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = CaseDriver.overHttp(port).aCase().triaged().id();
        String path = "/api/cases/" + caseId + "/parent-invitations";
        JsonNode invitation = coordinator
                .post(path, Map.of("kind", "EVALUATION_CONSENT", "email", "ana.lopez@example.org"))
                .json();
        String url = invitation.path("url").asText();
        String token = url.substring(url.lastIndexOf('/') + 1);
        String invitationId = invitation.path("invitationId").asText();

        // the page offers the code; asking for it says the same whether or not an address is on record
        Parent parent = new Parent(port);
        assertThat(parent.open(url).body()).contains("Send me a code by e-mail");
        Parent.Page asked = parent.post(url + "/code", Map.of());
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body())
                .contains("If the school has your e-mail address, we sent a code to it now", "10 minutes")
                .doesNotContain("ana.lopez", "Maya");
        String otherCase = CaseDriver.overHttp(port).aCase().triaged().id();
        String withoutAddress = coordinator
                .post("/api/cases/" + otherCase + "/parent-invitations", Map.of("kind", "EVALUATION_CONSENT"))
                .json()
                .path("url")
                .asText();
        Parent other = new Parent(port);
        other.open(withoutAddress);
        Parent.Page askedWithout = other.post(withoutAddress + "/code", Map.of());
        assertThat(askedWithout.status()).isEqualTo(asked.status());
        assertThat(stripped(askedWithout.body())).isEqualTo(stripped(asked.body()));
        // without a CSRF token nothing is asked
        assertThat(parent.postRaw(url + "/code", Map.of()).status()).isEqualTo(403);

        // the code itself (the mail server is not part of this test; InvitationMailTest checks the message):
        // hashed, 10 minutes, and a newer one replaces the one asked above
        FamilySignIn.CodeRequest code = signIn.requestEmailCode(token, "192.0.2.250");
        assertThat(code.outcome()).isEqualTo(FamilySignIn.CodeOutcome.REQUESTED);
        assertThat(code.email()).isEqualTo("ana.lopez@example.org");
        assertThat(code.code()).matches("[0-9]{6}");
        assertThat(jdbc.queryForObject(
                        "select count(*) from family_email_code where code_hash = ?", Integer.class, code.code()))
                .isZero();
        Map<String, Object> stored = jdbc.queryForMap(
                "select created_at, expires_at from family_email_code where invitation_id = ? order by id desc"
                        + " limit 1",
                invitationId);
        assertThat(java.time.Duration.between(
                        ((java.sql.Timestamp) stored.get("created_at")).toInstant(),
                        ((java.sql.Timestamp) stored.get("expires_at")).toInstant()))
                .isEqualTo(java.time.Duration.ofMinutes(10));

        // a wrong code counts as a wrong try (tried from elsewhere: 127.0.0.1's tries are the other tests' too)
        String elsewhere = "192.0.2." + (int) (Math.random() * 200);
        String wrongCode = "000000".equals(code.code()) ? "000001" : "000000";
        assertThat(signIn.signIn(token, wrongCode, BIRTH_DATE, elsewhere).outcome())
                .isEqualTo(FamilySignIn.Outcome.WRONG);
        assertThat(signIn.signIn(token, code.code(), BIRTH_DATE.plusDays(1), elsewhere)
                        .outcome())
                .isEqualTo(FamilySignIn.Outcome.WRONG);
        assertThat(coordinator.get(path).json().get(0).path("failedAttempts").asInt())
                .isEqualTo(2);
        // the right code and the date of birth sign in
        assertThat(parent.signIn(url, code.code(), BIRTH_DATE).status()).isEqualTo(303);
        assertThat(parent.open("/family/request").body()).contains("May the school evaluate Maya?");
        // used once: the same code does not sign in again
        assertThat(signIn.signIn(token, code.code(), BIRTH_DATE, elsewhere).outcome())
                .isEqualTo(FamilySignIn.Outcome.WRONG);
        // the answer's evidence names the way in
        assertThat(parent.answer("GIVEN", "Ana Lopez").status()).isEqualTo(303);
        assertThat(jdbc.queryForObject(
                        "select identity_method from family_consent_evidence where case_id = ?", String.class, caseId))
                .isEqualTo("EMAIL_CODE_AND_BIRTH_DATE");
        assertThat(output.getAll()).doesNotContain(code.code(), token, "ana.lopez");
    }

    @Test
    void emailCodesExpireAndAreLimitedPerLinkAndPerAddress() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = CaseDriver.overHttp(port).aCase().triaged().id();
        JsonNode invitation = coordinator
                .post(
                        "/api/cases/" + caseId + "/parent-invitations",
                        Map.of("kind", "EVALUATION_CONSENT", "email", "ana.lopez@example.org"))
                .json();
        String url = invitation.path("url").asText();
        String token = url.substring(url.lastIndexOf('/') + 1);
        String invitationId = invitation.path("invitationId").asText();
        String address = "203.0.113." + (int) (Math.random() * 200);

        // ten minutes later the code no longer signs in
        String code = signIn.requestEmailCode(token, address).code();
        jdbc.update("update family_email_code set expires_at = created_at where invitation_id = ?", invitationId);
        assertThat(signIn.signIn(token, code, BIRTH_DATE, address).outcome()).isEqualTo(FamilySignIn.Outcome.WRONG);

        // three codes per link within the hour; the fourth is refused
        signIn.requestEmailCode(token, address);
        signIn.requestEmailCode(token, address);
        assertThat(signIn.requestEmailCode(token, address).outcome()).isEqualTo(FamilySignIn.CodeOutcome.TOO_MANY);
        Parent parent = new Parent(port);
        parent.open(url);
        assertThat(parent.post(url + "/code", Map.of()).status()).isEqualTo(429);

        // ten per address within the hour, whatever the links
        String busy = "198.51.100." + (int) (Math.random() * 200);
        OffsetDateTime minuteAgo =
                ClockUtil.now().toInstant().atOffset(ZoneOffset.UTC).minusMinutes(1);
        for (int i = 0; i < 10; i++) {
            jdbc.update(
                    "insert into family_email_code (invitation_id, code_hash, requested_from, created_at, expires_at,"
                            + " sent) values (?, 'x', ?, ?, ?, false)",
                    invitationId,
                    busy,
                    minuteAgo,
                    minuteAgo);
        }
        String otherCase = CaseDriver.overHttp(port).aCase().triaged().id();
        String otherUrl = coordinator
                .post("/api/cases/" + otherCase + "/parent-invitations", Map.of("kind", "EVALUATION_CONSENT"))
                .json()
                .path("url")
                .asText();
        assertThat(signIn.requestEmailCode(otherUrl.substring(otherUrl.lastIndexOf('/') + 1), busy)
                        .outcome())
                .isEqualTo(FamilySignIn.CodeOutcome.TOO_MANY);

        // a locked link sends no code
        jdbc.update("delete from family_email_code where invitation_id = ?", invitationId);
        jdbc.update("update family_invitation set locked_at = created_at where id = ?", invitationId);
        FamilySignIn.CodeRequest locked = signIn.requestEmailCode(token, "192.0.2.7");
        assertThat(locked.outcome()).isEqualTo(FamilySignIn.CodeOutcome.LOCKED);
        assertThat(locked.code()).isNull();
    }

    /** A page without what differs between two links: the link's token in the form's address, the CSRF token. */
    private static String stripped(String body) {
        return body.replaceAll("/family/i/[A-Za-z0-9_-]+", "/family/i/TOKEN")
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    void theSheetForTheEnvelopeCarriesTheLinkAndTheCodeAndTheSealedLetterNeither() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = CaseDriver.overHttp(port).aCase().triaged().id();
        String path = "/api/cases/" + caseId + "/parent-invitations";

        HttpResponse<byte[]> sheet =
                staffPost("coordinator", path, "{\"kind\":\"EVALUATION_CONSENT\"}", "application/pdf");
        assertThat(sheet.statusCode()).isEqualTo(201);
        assertThat(sheet.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(sheet.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
        String invitationId =
                coordinator.get(path).json().get(0).path("invitationId").asText();
        assertThat(sheet.headers().firstValue("Location").orElseThrow()).endsWith(invitationId);
        String text = pdfText(sheet.body());
        assertThat(text).contains("How to answer online", "May the school evaluate Maya?", "Type this code:");
        java.util.regex.Matcher code =
                java.util.regex.Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}").matcher(text);
        assertThat(code.find()).isTrue();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                        "http://localhost:" + port + "/family/i/[A-Za-z0-9_-]{43}")
                .matcher(text.replace(" ", ""));
        assertThat(link.find()).isTrue();

        // the sheet's link and code are the invitation's: they sign in
        Parent parent = new Parent(port);
        parent.open(link.group());
        assertThat(parent.signIn(link.group(), code.group(), BIRTH_DATE).status())
                .isEqualTo(303);

        // the letter sealed before the invitation says an online answer is possible, and holds no code
        JsonNode letter = list(
                        coordinator.get("/api/cases/" + caseId + "/documents").json())
                .stream()
                .filter(d -> d.path("kind").asText().equals("CONSENT_REQUEST"))
                .findFirst()
                .orElseThrow();
        HttpResponse<byte[]> sealed = staffDownload(
                "coordinator", "/api/documents/" + letter.path("id").asLong());
        assertThat(pdfText(sealed.body()))
                .contains("You can also answer online", "How to answer online")
                .doesNotContain(code.group(), "/family/i/");
        // and JSON stays the answer by default
        assertThat(coordinator
                        .post(path, Map.of("kind", "EVALUATION_CONSENT"))
                        .json()
                        .path("letterCode")
                        .asText())
                .matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
    }

    @Test
    void everyFailureOnTheFamilysPageIsAPlainPage() {
        Parent parent = new Parent(port);
        for (String path :
                List.of("/family/nothing-here", "/family/documents/not-a-number", "/family/request/review")) {
            Parent.Page page = parent.open(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.header("Content-Security-Policy")).as(path).contains("default-src 'none'");
            assertThat(page.body())
                    .as(path)
                    .contains("We cannot find this page", "open the link in your letter or e-mail again")
                    .doesNotContain("Exception", "problem+json", "\"status\"");
        }
        // in the other language, from the page's switch
        Parent.Page spanish = parent.open("/family/problem/notFound?lang=es");
        assertThat(spanish.status()).isEqualTo(404);
        assertThat(spanish.body()).contains("lang=\"es\"", "No encontramos esta página");
        // the API keeps its problem+json
        assertThat(Http.as(port, "coordinator").get("/api/nothing-here").contentType())
                .startsWith("application/problem+json");
    }

    @Test
    void invitationsAreForTheStaffOfTheSchoolAndOnlyForTheConsentAwaited() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = CaseDriver.overHttp(port).aCase().triaged().id();
        String path = "/api/cases/" + caseId + "/parent-invitations";

        Http.Response notAwaited = coordinator.post(path, Map.of("kind", "SERVICES_CONSENT"));
        assertThat(notAwaited.status()).isEqualTo(409);
        assertThat(notAwaited.contentType()).startsWith("application/problem+json");
        assertThat(coordinator.post(path, Map.of("kind", "NOTHING")).status()).isEqualTo(400);
        assertThat(coordinator
                        .post(path, Map.of("kind", "EVALUATION_CONSENT", "email", "not an address"))
                        .status())
                .isEqualTo(400);
        assertThat(coordinator.get(path).json()).isEmpty();
        assertThat(Http.as(port, outsider())
                        .post(path, Map.of("kind", "EVALUATION_CONSENT"))
                        .status())
                .isEqualTo(404);
        assertThat(Http.anonymous(port).get(path).status()).isEqualTo(401);

        // a newer invitation replaces the older: the old link stops working
        String first = coordinator
                .post(path, Map.of("kind", "EVALUATION_CONSENT"))
                .json()
                .path("url")
                .asText();
        assertThat(coordinator.post(path, Map.of("kind", "EVALUATION_CONSENT")).status())
                .isEqualTo(201);
        assertThat(new Parent(port).open(first).status()).isEqualTo(404);
        assertThat(list(coordinator.get(path).json()))
                .extracting(i -> i.path("status").asText())
                .containsExactly("CLOSED", "OPEN");
    }

    @Test
    void fiveWrongTriesLockTheLinkUntilStaffUnlockIt() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = CaseDriver.overHttp(port).aCase().triaged().id();
        String path = "/api/cases/" + caseId + "/parent-invitations";
        JsonNode invitation =
                coordinator.post(path, Map.of("kind", "EVALUATION_CONSENT")).json();
        String url = invitation.path("url").asText();
        String code = invitation.path("letterCode").asText();
        Parent parent = new Parent(port);
        parent.open(url);

        for (int i = 1; i <= 4; i++) {
            assertThat(parent.signIn(url, code, BIRTH_DATE.minusYears(i)).status())
                    .as("wrong try %d", i)
                    .isEqualTo(401);
        }
        Parent.Page fifth = parent.signIn(url, "AAAAA-AAAAA", BIRTH_DATE);
        assertThat(fifth.status()).isEqualTo(423);
        assertThat(fifth.body()).contains("locked").doesNotContain("Maya");
        // locked: even the right code and date do not open it
        assertThat(parent.signIn(url, code, BIRTH_DATE).status()).isEqualTo(423);
        assertThat(coordinator.get(path).json().get(0).path("status").asText()).isEqualTo("LOCKED");

        JsonNode unlocked = coordinator
                .post(path + "/" + invitation.path("invitationId").asText() + "/unlock", Map.of())
                .json();
        assertThat(unlocked.path("status").asText()).isEqualTo("OPEN");
        assertThat(unlocked.path("failedAttempts").asInt()).isZero();
        assertThat(parent.signIn(url, code, BIRTH_DATE).status()).isEqualTo(303);
    }

    @Test
    void unknownExpiredUsedAndForeignLinksTellNothing() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = CaseDriver.overHttp(port).aCase().triaged().id();
        String path = "/api/cases/" + caseId + "/parent-invitations";
        JsonNode invitation =
                coordinator.post(path, Map.of("kind", "EVALUATION_CONSENT")).json();
        String url = invitation.path("url").asText();
        String code = invitation.path("letterCode").asText();

        Parent.Page unknown = new Parent(port).open("/family/i/" + FamilyCodes.newToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link does not work");

        // expired (yesterday was its last day): the same page, byte for byte; renewed: works again
        jdbc.update(
                "update family_invitation set expires_on = ? where id = ?",
                today().minusDays(1),
                invitation.path("invitationId").asText());
        Parent.Page expired = new Parent(port).open(url);
        assertThat(expired.status()).isEqualTo(unknown.status());
        assertThat(expired.body()).isEqualTo(unknown.body());
        assertThat(coordinator.get(path).json().get(0).path("status").asText()).isEqualTo("EXPIRED");
        JsonNode renewed = coordinator
                .post(path + "/" + invitation.path("invitationId").asText() + "/renew", Map.of())
                .json();
        assertThat(renewed.path("expiresOn").asText())
                .isEqualTo(today().plusDays(14).toString());
        assertThat(new Parent(port).open(url).status()).isEqualTo(200);

        // foreign: another child's date of birth does not open this link
        Map<String, Object> other = Referrals.of(Referrals.newStudentId());
        @SuppressWarnings("unchecked")
        Map<String, Object> student = (Map<String, Object>) other.get("student");
        student.put("dateOfBirth", "2014-09-30");
        CaseDriver.overHttp(port).aCase(other).triaged();
        Parent stranger = new Parent(port);
        stranger.open(url);
        assertThat(stranger.signIn(url, code, LocalDate.of(2014, 9, 30)).status())
                .isEqualTo(401);

        // used: answered on paper (the coordinator typed it in), the link no longer opens
        assertThat(coordinator
                        .post(
                                "/api/cases/" + caseId + "/parent-responses",
                                Map.of("kind", "EVALUATION_CONSENT", "decision", "REFUSED", "date", today().toString()))
                        .status())
                .isEqualTo(202);
        Parent.Page used = new Parent(port).open(url);
        assertThat(used.status()).isEqualTo(unknown.status());
        assertThat(used.body()).isEqualTo(unknown.body());
        assertThat(coordinator.get(path).json().get(0).path("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void triesAreLimitedPerLinkAndPerAddressInTheDatabase() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = CaseDriver.overHttp(port).aCase().triaged().id();
        JsonNode invitation = coordinator
                .post("/api/cases/" + caseId + "/parent-invitations", Map.of("kind", "EVALUATION_CONSENT"))
                .json();
        String url = invitation.path("url").asText();
        String token = url.substring(url.lastIndexOf('/') + 1);
        String code = invitation.path("letterCode").asText();
        OffsetDateTime minuteAgo =
                ClockUtil.now().toInstant().atOffset(ZoneOffset.UTC).minusMinutes(1);

        // an address that tried (on any node) 30 times within the hour is turned away, even with the right code
        String busy = "203.0.113." + (int) (Math.random() * 200);
        for (int i = 0; i < 30; i++) {
            jdbc.update(
                    "insert into family_attempt (invitation_id, address, attempted_at, succeeded)"
                            + " values (null, ?, ?, false)",
                    busy,
                    minuteAgo);
        }
        assertThat(signIn.signIn(token, code, BIRTH_DATE, busy).outcome()).isEqualTo(FamilySignIn.Outcome.TOO_MANY);

        // a link tried 10 times within the hour (from many addresses) is turned away too
        for (int i = 0; i < 10; i++) {
            jdbc.update(
                    "insert into family_attempt (invitation_id, address, attempted_at, succeeded)"
                            + " values (?, ?, ?, true)",
                    invitation.path("invitationId").asText(),
                    "198.51.100." + i,
                    minuteAgo);
        }
        assertThat(signIn.signIn(token, code, BIRTH_DATE, "192.0.2.1").outcome())
                .isEqualTo(FamilySignIn.Outcome.TOO_MANY);
        // an hour later they may try again
        jdbc.update(
                "update family_attempt set attempted_at = ? where invitation_id = ? or address = ?",
                minuteAgo.minusHours(1),
                invitation.path("invitationId").asText(),
                busy);
        assertThat(signIn.signIn(token, code, BIRTH_DATE, busy).outcome()).isEqualTo(FamilySignIn.Outcome.SIGNED_IN);
    }

    @Test
    void aSpanishSpeakingParentConsentsToServicesThenRevokesIt() {
        Http coordinator = Http.as(port, "coordinator");
        LocalDate today = today();
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("parentLanguage", "es");
        String caseId = CaseDriver.overHttp(port)
                .aCase(referral)
                .triaged()
                .consented(today)
                .evaluationPlanned("COGNITIVE", "ACADEMIC")
                .evaluated(today)
                .eligible(today)
                .meetingScheduled(today)
                .iepWritten(today)
                .meetingHeld(today)
                .id();
        JsonNode invitation = coordinator
                .post("/api/cases/" + caseId + "/parent-invitations", Map.of("kind", "SERVICES_CONSENT"))
                .json();
        String url = invitation.path("url").asText();
        Parent parent = new Parent(port);
        Parent.Page signInPage = parent.open(url);
        assertThat(signInPage.body()).contains("lang=\"es\"", "Fecha de nacimiento de su hijo o hija");
        assertThat(parent.signIn(url, invitation.path("letterCode").asText(), BIRTH_DATE)
                        .status())
                .isEqualTo(303);
        assertThat(parent.open("/family/request").body())
                .contains("¿Puede la escuela empezar los servicios de educación especial para Maya?");
        assertThat(parent.answer("GIVEN", "Ana López").status()).isEqualTo(303);
        JsonNode consent = consent(coordinator, caseId, "SERVICES_CONSENT");
        assertThat(consent.path("decision").asText()).isEqualTo("GIVEN");
        assertThat(consent.path("decidedOn").asText()).isEqualTo(today.toString());
        Parent.Page answered = parent.open("/family/request");
        assertThat(answered.body()).contains("Doy mi consentimiento", "Parar los servicios de educación especial");

        // revocation (34 CFR 300.300(b)(4)): the name, then a confirmation; nothing happens before it
        Parent.Page sure = parent.post("/family/revoke/review", Map.of("signedName", "Ana López"));
        assertThat(sure.status()).isEqualTo(200);
        assertThat(sure.body()).contains("Retiro mi consentimiento");
        assertThat(coordinator.get("/api/cases/" + caseId).json().path("status").asText())
                .isEqualTo("OPEN");
        Parent.Page revoked = parent.post("/family/revoke/confirm", Map.of("signedName", "Ana López"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body()).contains("Usted retiró su consentimiento");
        Tasks.await(
                "the case closed for the revocation",
                () -> coordinator
                        .get("/api/cases/" + caseId)
                        .json()
                        .path("closureReason")
                        .asText()
                        .equals("CONSENT_REVOKED"));
        assertThat(jdbc.queryForObject(
                        "select decision_words from family_consent_evidence where case_id = ? and decision = 'REVOKED'",
                        String.class,
                        caseId))
                .startsWith("Retiro mi consentimiento");
        Tasks.await(
                "the revocation in the audit log",
                () -> jdbc.queryForObject(
                                "select count(*) from audit_event e join audit_event_case c on c.event_id = e.id"
                                        + " where c.case_id = ? and e.resource = 'FAMILY_REVOCATION'",
                                Integer.class,
                                caseId)
                        == 1);
        // the link is used now
        assertThat(new Parent(port).open(url).status()).isEqualTo(404);
    }

    @Test
    void aParentWhoConsentedOnPaperRevokesOnline() {
        Http coordinator = Http.as(port, "coordinator");
        LocalDate today = today();
        String caseId = CaseDriver.overHttp(port)
                .aCase()
                .triaged()
                .consented(today)
                .evaluationPlanned("COGNITIVE", "ACADEMIC")
                .evaluated(today)
                .eligible(today)
                .meetingScheduled(today)
                .iepWritten(today)
                .meetingHeld(today)
                .id();
        String path = "/api/cases/" + caseId + "/parent-invitations";
        // no consent for services yet: nothing to revoke
        assertThat(coordinator
                        .post(path, Map.of("kind", "SERVICES_CONSENT", "purpose", "REVOCATION"))
                        .status())
                .isEqualTo(409);
        // the parents sign the paper form; the coordinator records it
        assertThat(coordinator
                        .post(
                                "/api/cases/" + caseId + "/parent-responses",
                                Map.of("kind", "SERVICES_CONSENT", "decision", "GIVEN", "date", today.toString()))
                        .status())
                .isEqualTo(202);
        assertThat(coordinator
                        .post(path, Map.of("kind", "EVALUATION_CONSENT", "purpose", "REVOCATION"))
                        .status())
                .isEqualTo(409);
        Http.Response created = coordinator.post(path, Map.of("kind", "SERVICES_CONSENT", "purpose", "REVOCATION"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String url = created.json().path("url").asText();
        assertThat(coordinator.get(path).json().get(0).path("purpose").asText()).isEqualTo("REVOCATION");

        Parent parent = new Parent(port);
        parent.open(url);
        assertThat(parent.signIn(url, created.json().path("letterCode").asText(), BIRTH_DATE)
                        .status())
                .isEqualTo(303);
        Parent.Page page = parent.open("/family/request");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Your consent for special education services", "Stop special education services")
                .contains("given on " + FamilyPageController.format(today, "en"))
                .doesNotContain("decision-given");
        // this link answers nothing: only the revocation
        assertThat(parent.post("/family/request/review", Map.of("decision", "REFUSED", "signedName", "Ana Lopez"))
                        .status())
                .isEqualTo(303);

        // the confirmation step, then the case closes as with POST /api/cases/{id}/exit CONSENT_REVOKED
        Parent.Page sure = parent.post("/family/revoke/review", Map.of("signedName", "Ana Lopez"));
        assertThat(sure.status()).isEqualTo(200);
        assertThat(sure.body()).contains("I take back my consent");
        assertThat(coordinator.get("/api/cases/" + caseId).json().path("status").asText())
                .isEqualTo("OPEN");
        Parent.Page revoked = parent.post("/family/revoke/confirm", Map.of("signedName", "Ana Lopez"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body()).contains("You took back your consent", "Receipt number");
        Tasks.await(
                "the case closed for the revocation",
                () -> coordinator
                        .get("/api/cases/" + caseId)
                        .json()
                        .path("closureReason")
                        .asText()
                        .equals("CONSENT_REVOKED"));
        Map<String, Object> evidence =
                jdbc.queryForMap("select * from family_consent_evidence where case_id = ?", caseId);
        assertThat(evidence.get("decision")).isEqualTo("REVOKED");
        assertThat(evidence.get("kind")).isEqualTo("SERVICES_CONSENT");
        JsonNode listed = coordinator.get(path).json().get(0);
        assertThat(listed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(listed.path("receiptNumbers").get(0).asLong()).isEqualTo(((Number) evidence.get("id")).longValue());
        assertThat(new Parent(port).open(url).status()).isEqualTo(404);
    }

    @Test
    void aParentRefusesAndTheCaseClosesAsWithAPaperRefusal() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = CaseDriver.overHttp(port).aCase().triaged().id();
        JsonNode invitation = coordinator
                .post("/api/cases/" + caseId + "/parent-invitations", Map.of("kind", "EVALUATION_CONSENT"))
                .json();
        Parent parent = new Parent(port);
        parent.open(invitation.path("url").asText());
        parent.signIn(
                invitation.path("url").asText(), invitation.path("letterCode").asText(), BIRTH_DATE);
        parent.open("/family/request");
        assertThat(parent.answer("REFUSED", "Ana Lopez").status()).isEqualTo(303);
        assertThat(consent(coordinator, caseId, "EVALUATION_CONSENT")
                        .path("decision")
                        .asText())
                .isEqualTo("REFUSED");
        Tasks.await(
                "the case closed",
                () -> coordinator
                        .get("/api/cases/" + caseId)
                        .json()
                        .path("status")
                        .asText()
                        .equals("CLOSED"));
        assertThat(jdbc.queryForObject(
                        "select decision_words from family_consent_evidence where case_id = ?", String.class, caseId))
                .isEqualTo("I do not give my consent for the school to evaluate my child.");
    }

    private HttpResponse<byte[]> staffPost(String user, String path, String json, String accept) {
        return asStaff(
                user,
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Accept", accept)
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<byte[]> staffDownload(String user, String path) {
        return asStaff(
                user,
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET());
    }

    private static HttpResponse<byte[]> asStaff(String user, HttpRequest.Builder request) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient()
                    .send(
                            request.header("Authorization", "Basic " + basic).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode consent(Http coordinator, String caseId, String kind) {
        return list(coordinator.get("/api/cases/" + caseId).json().path("consents")).stream()
                .filter(c -> c.path("kind").asText().equals(kind))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private String outsider() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String district = "family-" + suffix;
        String school = "family-school-" + suffix;
        String user = "family-coordinator-" + suffix;
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
