package org.supportplans.family;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.CaseReader;
import org.supportplans.cases.CaseStatus;
import org.supportplans.cases.CaseView;
import org.supportplans.cases.Consents;
import org.supportplans.system.CurrentStaff;

/**
 * Who is signing (FERPA, 34 CFR 99.30(d): a signed and dated electronic consent must "identify and authenticate
 * a particular person as the source of the electronic consent"): the invitation's letter code and the child's date
 * of birth. Five wrong tries lock the invitation ({@link Invitations#MAX_WRONG_TRIES}); tries are limited per link
 * and per address over an hour, counted in the database so that every node of a cluster counts the same.
 */
@Service
@Transactional
class FamilySignIn {

    /** The service reads the case to check a date of birth as the engine's administrator would. */
    static final CurrentStaff SERVICE = new CurrentStaff("support-plans", List.of(Groups.CAMUNDA_ADMIN));

    static final String LETTER_CODE = "LETTER_CODE_AND_BIRTH_DATE";

    enum Outcome {
        SIGNED_IN,
        WRONG,
        LOCKED,
        TOO_MANY,
        UNUSABLE
    }

    record Result(Outcome outcome, Invitations.Invitation invitation, String sessionToken) {}

    /** A signed-in parent: the invitation they signed in with, and how. */
    record Session(Invitations.Invitation invitation, String identityMethod) {}

    private final JdbcTemplate jdbc;
    private final Invitations invitations;
    private final CaseReader cases;
    private final Consents consents;
    private final Clock clock;
    private final int perLinkPerHour;
    private final int perAddressPerHour;
    private final Duration sessionLength;

    FamilySignIn(
            JdbcTemplate jdbc,
            Invitations invitations,
            CaseReader cases,
            Consents consents,
            Clock clock,
            @Value("${support-plans.family.tries-per-link-per-hour:10}") int perLinkPerHour,
            @Value("${support-plans.family.tries-per-address-per-hour:30}") int perAddressPerHour,
            @Value("${support-plans.family.session-minutes:30}") int sessionMinutes) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.cases = cases;
        this.consents = consents;
        this.clock = clock;
        this.perLinkPerHour = perLinkPerHour;
        this.perAddressPerHour = perAddressPerHour;
        this.sessionLength = Duration.ofMinutes(sessionMinutes);
    }

    /**
     * The invitation of a link, if the link can still be used: not closed, not expired, and, while no answer was
     * given on the page, the case still waiting for that answer (one answered on paper closes the link). Otherwise
     * empty, whatever the reason, so that the page cannot tell an unknown link from a used one.
     */
    Optional<Invitations.Invitation> usable(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return invitations
                .byLinkHash(FamilyCodes.sha256(token))
                .filter(i -> FamilyCodes.sameHash(i.linkHash(), FamilyCodes.sha256(token)))
                .filter(this::stillUsable);
    }

    private boolean stillUsable(Invitations.Invitation invitation) {
        if (invitation.stored() == Invitations.Stored.CLOSED) {
            return false;
        }
        if (invitations.today(invitation.caseId()).isAfter(invitation.expiresOn())) {
            return false;
        }
        if (invitation.stored() == Invitations.Stored.OPEN
                && !consents.awaits(invitation.caseId(), invitation.kind())) {
            invitations.close(invitation.id());
            return false;
        }
        return true;
    }

    /** Whether this address has opened or tried too many links within the hour. */
    @Transactional(readOnly = true)
    boolean tooManyFrom(String address) {
        return count("address = ?", address) >= perAddressPerHour;
    }

    /** An unknown, used or expired link opened: counted against the address, as a wrong try would be. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void unusableLinkOpened(String address) {
        attempt(null, address, false);
    }

    /** Tries to sign in; every try is counted, right or wrong. */
    @Transactional(noRollbackFor = RuntimeException.class)
    Result signIn(String token, String letterCode, LocalDate birthDate, String address) {
        if (tooManyFrom(address)) {
            return new Result(Outcome.TOO_MANY, null, null);
        }
        Optional<Invitations.Invitation> found = usable(token);
        if (found.isEmpty()) {
            attempt(null, address, false);
            return new Result(Outcome.UNUSABLE, null, null);
        }
        Invitations.Invitation invitation = found.get();
        if (count("invitation_id = ?", invitation.id()) >= perLinkPerHour) {
            return new Result(Outcome.TOO_MANY, invitation, null);
        }
        if (invitation.locked()) {
            attempt(invitation.id(), address, false);
            return new Result(Outcome.LOCKED, invitation, null);
        }
        CaseView view = cases.read(invitation.caseId(), SERVICE);
        // both checks always run: the answer's time does not tell which one failed
        boolean codeRight =
                FamilyCodes.sameHash(invitation.codeHash(), FamilyCodes.codeHash(invitation.id(), letterCode));
        boolean birthDateRight =
                birthDate != null && birthDate.equals(view.student().dateOfBirth());
        boolean open = view.status() != CaseStatus.CLOSED || invitation.stored() == Invitations.Stored.ANSWERED;
        if (!(codeRight & birthDateRight & open)) {
            attempt(invitation.id(), address, false);
            boolean locked = invitations.wrongTry(invitation.id());
            return new Result(locked ? Outcome.LOCKED : Outcome.WRONG, invitation, null);
        }
        attempt(invitation.id(), address, true);
        invitations.rightTry(invitation.id());
        String sessionToken = FamilyCodes.newToken();
        Instant now = clock.instant();
        jdbc.update(
                "insert into family_session (token_hash, invitation_id, identity_method, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?)",
                FamilyCodes.sha256(sessionToken),
                invitation.id(),
                LETTER_CODE,
                now.atOffset(ZoneOffset.UTC),
                now.plus(sessionLength).atOffset(ZoneOffset.UTC));
        return new Result(Outcome.SIGNED_IN, invitation, sessionToken);
    }

    /** The session of a cookie's value, if it is one and has not expired; its invitation as it stands now. */
    @Transactional(readOnly = true)
    Optional<Session> session(String sessionToken) {
        if (sessionToken == null || sessionToken.length() > 100) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "select invitation_id, identity_method from family_session where token_hash = ?"
                                + " and expires_at > ?",
                        (rs, n) -> new String[] {rs.getString("invitation_id"), rs.getString("identity_method")},
                        FamilyCodes.sha256(sessionToken),
                        clock.instant().atOffset(ZoneOffset.UTC))
                .stream()
                .findFirst()
                .flatMap(row -> invitations
                        .byId(row[0])
                        .filter(i -> i.stored() != Invitations.Stored.CLOSED)
                        .map(i -> new Session(i, row[1])));
    }

    void signOut(String sessionToken) {
        if (sessionToken != null) {
            jdbc.update("delete from family_session where token_hash = ?", FamilyCodes.sha256(sessionToken));
        }
    }

    private int count(String where, String value) {
        return jdbc.queryForObject(
                "select count(*) from family_attempt where " + where + " and attempted_at > ?",
                Integer.class,
                value,
                clock.instant().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
    }

    private void attempt(String invitationId, String address, boolean succeeded) {
        jdbc.update(
                "insert into family_attempt (invitation_id, address, attempted_at, succeeded) values (?, ?, ?, ?)",
                invitationId,
                address,
                clock.instant().atOffset(ZoneOffset.UTC),
                succeeded);
    }
}
