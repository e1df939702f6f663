package org.supportplans.family;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.UriUtils;
import org.supportplans.audit.AuditEvent.Action;
import org.supportplans.audit.AuditEvent.Resource;
import org.supportplans.audit.AuditLog;
import org.supportplans.cases.ClosureReason;
import org.supportplans.cases.ConsentKind;
import org.supportplans.cases.NotAwaitedException;
import org.supportplans.cases.ParentDecision;
import org.supportplans.cases.RecordedVia;
import org.supportplans.documents.Documents;
import org.supportplans.workflow.CaseProcesses;

/**
 * The parents' answer signed on the family's page, reaching the case by the same path as {@code POST
 * /api/cases/{id}/parent-responses} ({@link CaseProcesses#parentsAnswered}): recorded that day, so the clock starts
 * that day and the case moves on. Its evidence (ESIGN, 15 U.S.C. 7001(a) and (e); UETA section 9: the act of the
 * person, shown by the identity check; the record retained): the time, how the signer was identified, the hashes of
 * the documents shown, the words of the decision, the typed name, the address and the browser, kept with the consent
 * ({@code family_consent_evidence}) and in the audit log.
 */
@Service
class FamilyAnswers {

    /** A decision as the page records it: the consent's answer, or the revocation of consent for services. */
    enum Decision {
        GIVEN,
        REFUSED,
        REVOKED
    }

    /** Who signed and from where, as the request showed it. */
    record Signer(String name, String language, String address, String userAgent) {}

    record Evidence(
            long id,
            String invitationId,
            String caseId,
            ConsentKind kind,
            Decision decision,
            Instant decidedAt,
            LocalDate decidedOn,
            String identityMethod,
            String signedName,
            String decisionWords,
            String language,
            List<String> documentHashes,
            String address,
            String userAgent) {}

    private final JdbcTemplate jdbc;
    private final CaseProcesses processes;
    private final Invitations invitations;
    private final Documents documents;
    private final AuditLog auditLog;
    private final Clock clock;

    FamilyAnswers(
            JdbcTemplate jdbc,
            CaseProcesses processes,
            Invitations invitations,
            Documents documents,
            AuditLog auditLog,
            Clock clock) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.invitations = invitations;
        this.documents = documents;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The documents the request page shows the parents: the case's final documents, by their hash. */
    List<Documents.DocumentView> shown(String caseId) {
        return documents.finalForFamily(caseId);
    }

    /** The parents give or refuse the consent asked; 409 when the case no longer waits for it. */
    @Transactional
    Evidence decide(FamilySignIn.Session session, ParentDecision decision, Signer signer) {
        Invitations.Invitation invitation = session.invitation();
        if (invitation.stored() != Invitations.Stored.OPEN || invitation.purpose() != Invitations.Purpose.ANSWER) {
            throw new NotAwaitedException("This request was already answered.");
        }
        LocalDate today = invitations.today(invitation.caseId());
        processes.parentsAnswered(
                invitation.caseId(), invitation.kind(), decision, today, actor(invitation), RecordedVia.FAMILY_PAGE);
        invitations.answered(invitation.id());
        return record(session, Decision.valueOf(decision.name()), today, signer, "/family/request/confirm");
    }

    /**
     * The parents revoke their consent for special education and related services (34 CFR 300.300(b)(4): "at any
     * time subsequent to the initial provision of special education and related services, the parent of a child
     * revokes consent in writing"): the typed name and the confirmation are the writing. Reaches the case as {@code
     * POST /api/cases/{id}/exit} with {@code CONSENT_REVOKED} does.
     */
    @Transactional
    Evidence revoke(FamilySignIn.Session session, Signer signer) {
        Invitations.Invitation invitation = session.invitation();
        if (!mayRevoke(invitation)) {
            throw new NotAwaitedException("There is no consent for services to revoke here.");
        }
        LocalDate today = invitations.today(invitation.caseId());
        processes.exit(invitation.caseId(), ClosureReason.CONSENT_REVOKED);
        invitations.close(invitation.id());
        return record(session, Decision.REVOKED, today, signer, "/family/revoke/confirm");
    }

    /**
     * Whether the parents may revoke consent for services here: they gave it with this invitation (and have not
     * revoked it), or the invitation is for revoking a consent the staff recorded, and that consent still stands.
     */
    boolean mayRevoke(Invitations.Invitation invitation) {
        if (invitation.purpose() == Invitations.Purpose.REVOCATION) {
            return invitation.stored() == Invitations.Stored.OPEN
                    && invitations.servicesConsentStands(invitation.caseId());
        }
        return invitation.kind() == ConsentKind.SERVICES_CONSENT
                && invitation.stored() == Invitations.Stored.ANSWERED
                && latest(invitation.id())
                        .map(e -> e.decision() == Decision.GIVEN)
                        .orElse(false);
    }

    @Transactional(readOnly = true)
    java.util.Optional<Evidence> latest(String invitationId) {
        return jdbc
                .query(
                        "select * from family_consent_evidence where invitation_id = ? order by id desc",
                        FamilyAnswers::evidence,
                        invitationId)
                .stream()
                .findFirst();
    }

    /** An answer's evidence by its receipt number. */
    @Transactional(readOnly = true)
    java.util.Optional<Evidence> byId(long receiptNumber) {
        return jdbc
                .query("select * from family_consent_evidence where id = ?", FamilyAnswers::evidence, receiptNumber)
                .stream()
                .findFirst();
    }

    private static Evidence evidence(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Evidence(
                rs.getLong("id"),
                rs.getString("invitation_id"),
                rs.getString("case_id"),
                ConsentKind.valueOf(rs.getString("kind")),
                Decision.valueOf(rs.getString("decision")),
                Invitations.instant(rs, "decided_at"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("identity_method"),
                rs.getString("signed_name"),
                rs.getString("decision_words"),
                rs.getString("language"),
                List.of(rs.getString("document_hashes").split(",")),
                rs.getString("ip_address"),
                rs.getString("user_agent"));
    }

    static String actor(Invitations.Invitation invitation) {
        return "family:" + invitation.id();
    }

    private Evidence record(
            FamilySignIn.Session session, Decision decision, LocalDate today, Signer signer, String path) {
        Invitations.Invitation invitation = session.invitation();
        Instant now = clock.instant();
        String words = FamilyPages.message(signer.language(), "words." + invitation.kind() + "." + decision);
        List<String> hashes = shown(invitation.caseId()).stream()
                .map(Documents.DocumentView::sha256)
                .toList();
        String userAgent = signer.userAgent() == null ? null : cut(signer.userAgent(), 500);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var insert = connection.prepareStatement(
                            "insert into family_consent_evidence (invitation_id, case_id, kind, decision, decided_at,"
                                    + " decided_on, identity_method, signed_name, decision_words, language,"
                                    + " document_hashes, ip_address, user_agent)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    insert.setString(1, invitation.id());
                    insert.setString(2, invitation.caseId());
                    insert.setString(3, invitation.kind().name());
                    insert.setString(4, decision.name());
                    insert.setObject(5, now.atOffset(ZoneOffset.UTC));
                    insert.setObject(6, today);
                    insert.setString(7, session.identityMethod());
                    insert.setString(8, cut(signer.name(), 200));
                    insert.setString(9, words);
                    insert.setString(10, signer.language());
                    insert.setString(11, String.join(",", hashes));
                    insert.setString(12, cut(signer.address(), 64));
                    insert.setString(13, userAgent);
                    return insert;
                },
                key);
        long id = key.getKey().longValue();
        // the audit log's row: the evidence without the typed name (a parent's name stays with the consent)
        String query = "kind=" + invitation.kind() + "&decision=" + decision + "&evidence=" + id + "&method="
                + session.identityMethod() + "&ip=" + encode(signer.address()) + "&documents="
                + hashes.stream().collect(Collectors.joining(",")) + "&userAgent=" + encode(userAgent);
        Resource resource = decision == Decision.REVOKED ? Resource.FAMILY_REVOCATION : Resource.FAMILY_CONSENT;
        afterCommit(() -> auditLog.family(
                invitation.caseId(), actor(invitation), Action.CREATE, resource, "POST", path, query, 201, now));
        return new Evidence(
                id,
                invitation.id(),
                invitation.caseId(),
                invitation.kind(),
                decision,
                now,
                today,
                session.identityMethod(),
                signer.name(),
                words,
                signer.language(),
                hashes,
                signer.address(),
                userAgent);
    }

    private static String encode(String value) {
        return value == null ? "" : UriUtils.encodeQueryParam(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
