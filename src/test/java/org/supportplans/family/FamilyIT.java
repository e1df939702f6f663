package org.supportplans.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportplans.Referrals.today;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
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
        // no CSRF token: refused, nothing counted
        assertThat(parent.postRaw(url, Map.of("letterCode", letterCode, "birthYear", "2016"))
                        .status())
                .isEqualTo(403);

        // a wrong date of birth, then the right one
        Parent.Page wrong = parent.signIn(url, letterCode, BIRTH_DATE.plusDays(1));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("not right").doesNotContain("Maya");
        Parent.Page signedIn = parent.signIn(url, letterCode.toLowerCase().replace("-", " "), BIRTH_DATE);
        assertThat(signedIn.status()).isEqualTo(303);
        Parent.Page request = parent.open("/family/request");
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.body()).contains("May the school evaluate Maya?", "Request for your consent (PDF)");

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
        assertThat(receipt.body()).contains("Thank you", "Ana Lopez", "Receipt number");

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
