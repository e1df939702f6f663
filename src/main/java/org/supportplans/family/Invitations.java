package org.supportplans.family;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.CaseReader;
import org.supportplans.cases.CaseStatus;
import org.supportplans.cases.CaseView;
import org.supportplans.cases.ConsentKind;
import org.supportplans.cases.Consents;
import org.supportplans.cases.DistrictDay;
import org.supportplans.cases.NotAwaitedException;
import org.supportplans.cases.ParentDecision;
import org.supportplans.system.NotFoundException;

/**
 * Invitations of the parents to answer a consent request online: one per request asked (a newer one replaces the
 * older), its link and letter code kept as hashes only, valid until {@code expiresOn} (14 days by default,
 * {@code support-plans.family.invitation-days}), renewable and unlockable by the staff of the case's school.
 */
@Service
@Transactional
class Invitations {

    /** Stored: waiting for the answer, answered on the page, or closed (replaced, revoked, answered on paper). */
    enum Stored {
        OPEN,
        ANSWERED,
        CLOSED
    }

    /**
     * What an invitation is for: to answer the consent request the case waits for, or, for parents whose consent for
     * services the staff recorded (on paper, by phone), to revoke it online (34 CFR 300.300(b)(4)).
     */
    enum Purpose {
        ANSWER,
        REVOCATION
    }

    /** What {@code GET /api/cases/{id}/parent-invitations} shows of an invitation's state. */
    enum Status {
        OPEN,
        ANSWERED,
        LOCKED,
        EXPIRED,
        CLOSED
    }

    /** Five wrong tries lock an invitation until the staff unlock it. */
    static final int MAX_WRONG_TRIES = 5;

    record Invitation(
            String id,
            String caseId,
            ConsentKind kind,
            Purpose purpose,
            String email,
            String linkHash,
            String codeHash,
            Stored stored,
            LocalDate expiresOn,
            int failedAttempts,
            Instant lockedAt,
            Instant createdAt,
            String createdBy,
            Instant renewedAt,
            Instant answeredAt) {

        boolean locked() {
            return lockedAt != null;
        }

        Status status(LocalDate today) {
            if (stored == Stored.CLOSED) {
                return Status.CLOSED;
            }
            if (today.isAfter(expiresOn)) {
                return Status.EXPIRED;
            }
            if (locked()) {
                return Status.LOCKED;
            }
            return stored == Stored.ANSWERED ? Status.ANSWERED : Status.OPEN;
        }
    }

    /** The plain link and code, returned once to the staff member who made the invitation. */
    record Issued(String invitationId, String token, String letterCode, LocalDate expiresOn) {}

    /** A line of {@code GET /api/cases/{id}/parent-invitations}. */
    record Listed(
            String invitationId,
            ConsentKind kind,
            Purpose purpose,
            String email,
            Status status,
            LocalDate expiresOn,
            int failedAttempts,
            Instant createdAt,
            String createdBy,
            Instant renewedAt,
            Instant answeredAt,
            List<Long> receiptNumbers) {}

    private final JdbcTemplate jdbc;
    private final Consents consents;
    private final CaseReader cases;
    private final DistrictDay days;
    private final Clock clock;
    private final int invitationDays;

    Invitations(
            JdbcTemplate jdbc,
            Consents consents,
            CaseReader cases,
            DistrictDay days,
            Clock clock,
            @Value("${support-plans.family.invitation-days:14}") int invitationDays) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.cases = cases;
        this.days = days;
        this.clock = clock;
        this.invitationDays = invitationDays;
    }

    /** A new invitation for the request the case waits for; 409 ({@link NotAwaitedException}) when it waits for none. */
    Issued invite(String caseId, ConsentKind kind, Purpose purpose, String email, String staffId) {
        if (purpose == Purpose.REVOCATION) {
            if (kind != ConsentKind.SERVICES_CONSENT || !servicesConsentStands(caseId)) {
                throw new NotAwaitedException(
                        "The case has no consent for services to revoke: only a consent for services given, on an"
                                + " open case, can be revoked online.");
            }
        } else if (!consents.awaits(caseId, kind)) {
            throw new NotAwaitedException("The case is not waiting for the parents' " + kind.label() + ".");
        }
        // one link per request: an older one stops working
        jdbc.update(
                "update family_invitation set status = 'CLOSED' where case_id = ? and kind = ? and purpose = ?"
                        + " and status = 'OPEN'",
                caseId,
                kind.name(),
                purpose.name());
        String id = UUID.randomUUID().toString();
        String token = FamilyCodes.newToken();
        String code = FamilyCodes.newLetterCode();
        LocalDate expiresOn = days.today(caseId).plusDays(invitationDays);
        jdbc.update(
                "insert into family_invitation (id, case_id, kind, purpose, email, link_hash, code_hash, status,"
                        + " expires_on, failed_attempts, created_at, created_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, 0, ?, ?)",
                id,
                caseId,
                kind.name(),
                purpose.name(),
                email,
                FamilyCodes.sha256(token),
                FamilyCodes.codeHash(id, code),
                expiresOn,
                now(),
                staffId);
        return new Issued(id, token, code, expiresOn);
    }

    @Transactional(readOnly = true)
    List<Listed> list(String caseId) {
        LocalDate today = days.today(caseId);
        Map<String, List<Long>> receipts = jdbc
                .query(
                        "select invitation_id, id from family_consent_evidence where case_id = ? order by id",
                        (rs, n) -> Map.entry(rs.getString("invitation_id"), rs.getLong("id")),
                        caseId)
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc
                .query(
                        "select * from family_invitation where case_id = ? order by created_at, id",
                        (rs, n) -> invitation(rs),
                        caseId)
                .stream()
                .map(i -> new Listed(
                        i.id(),
                        i.kind(),
                        i.purpose(),
                        i.email(),
                        i.status(today),
                        i.expiresOn(),
                        i.failedAttempts(),
                        i.createdAt(),
                        i.createdBy(),
                        i.renewedAt(),
                        i.answeredAt(),
                        receipts.getOrDefault(i.id(), List.of())))
                .toList();
    }

    /** Staff unlock an invitation locked by wrong tries: the count starts again. */
    Listed unlock(String caseId, String invitationId) {
        ofCase(caseId, invitationId);
        jdbc.update("update family_invitation set failed_attempts = 0, locked_at = null where id = ?", invitationId);
        return listed(caseId, invitationId);
    }

    /** Staff renew an invitation that is not closed: valid for the full period again from today. */
    Listed renew(String caseId, String invitationId) {
        Invitation invitation = ofCase(caseId, invitationId);
        if (invitation.stored() == Stored.CLOSED) {
            throw new NotAwaitedException("The invitation is closed; make a new one.");
        }
        jdbc.update(
                "update family_invitation set expires_on = ?, renewed_at = ? where id = ?",
                days.today(caseId).plusDays(invitationDays),
                now(),
                invitationId);
        return listed(caseId, invitationId);
    }

    @Transactional(readOnly = true)
    Optional<Invitation> byLinkHash(String linkHash) {
        return jdbc
                .query("select * from family_invitation where link_hash = ?", (rs, n) -> invitation(rs), linkHash)
                .stream()
                .findFirst();
    }

    @Transactional(readOnly = true)
    Optional<Invitation> byId(String invitationId) {
        return jdbc
                .query("select * from family_invitation where id = ?", (rs, n) -> invitation(rs), invitationId)
                .stream()
                .findFirst();
    }

    /** One more wrong try; the fifth locks the invitation. Returns whether it is now locked. */
    boolean wrongTry(String invitationId) {
        jdbc.update("update family_invitation set failed_attempts = failed_attempts + 1 where id = ?", invitationId);
        int failed = jdbc.queryForObject(
                "select failed_attempts from family_invitation where id = ?", Integer.class, invitationId);
        if (failed >= MAX_WRONG_TRIES) {
            jdbc.update(
                    "update family_invitation set locked_at = ? where id = ? and locked_at is null",
                    now(),
                    invitationId);
            return true;
        }
        return false;
    }

    void rightTry(String invitationId) {
        jdbc.update("update family_invitation set failed_attempts = 0 where id = ?", invitationId);
    }

    void answered(String invitationId) {
        jdbc.update(
                "update family_invitation set status = 'ANSWERED', answered_at = ? where id = ?", now(), invitationId);
    }

    void close(String invitationId) {
        jdbc.update("update family_invitation set status = 'CLOSED' where id = ?", invitationId);
    }

    /**
     * Whether the case is open and its latest answer to the consent for services is "given": the consent a parent
     * may revoke (34 CFR 300.300(b)(4)), however it was recorded.
     */
    @Transactional(readOnly = true)
    boolean servicesConsentStands(String caseId) {
        CaseView view = cases.read(caseId, FamilySignIn.SERVICE);
        return view.status() != CaseStatus.CLOSED
                && view.consents().stream()
                        .filter(c -> c.kind() == ConsentKind.SERVICES_CONSENT && c.decision() != null)
                        .reduce((a, b) -> b)
                        .map(c -> c.decision() == ParentDecision.GIVEN)
                        .orElse(false);
    }

    /** The day the services consent was given (the latest "given"), for the page of a revocation invitation. */
    @Transactional(readOnly = true)
    Optional<LocalDate> servicesConsentGivenOn(String caseId) {
        return cases.read(caseId, FamilySignIn.SERVICE).consents().stream()
                .filter(c -> c.kind() == ConsentKind.SERVICES_CONSENT && c.decision() == ParentDecision.GIVEN)
                .reduce((a, b) -> b)
                .map(CaseView.ConsentView::decidedOn);
    }

    LocalDate today(String caseId) {
        return days.today(caseId);
    }

    private Invitation ofCase(String caseId, String invitationId) {
        return byId(invitationId)
                .filter(i -> i.caseId().equals(caseId))
                .orElseThrow(() -> new NotFoundException("No invitation " + invitationId + " of case " + caseId + "."));
    }

    private Listed listed(String caseId, String invitationId) {
        return list(caseId).stream()
                .filter(l -> l.invitationId().equals(invitationId))
                .findFirst()
                .orElseThrow();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Invitation invitation(ResultSet rs) throws SQLException {
        return new Invitation(
                rs.getString("id"),
                rs.getString("case_id"),
                ConsentKind.valueOf(rs.getString("kind")),
                Purpose.valueOf(rs.getString("purpose")),
                rs.getString("email"),
                rs.getString("link_hash"),
                rs.getString("code_hash"),
                Stored.valueOf(rs.getString("status")),
                rs.getObject("expires_on", LocalDate.class),
                rs.getInt("failed_attempts"),
                instant(rs, "locked_at"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "renewed_at"),
                instant(rs, "answered_at"));
    }
}
