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
    static final String EMAIL_CODE = "EMAIL_CODE_AND_BIRTH_DATE";

    enum Outcome {
        SIGNED_IN,
        WRONG,
        LOCKED,
        TOO_MANY,
        UNUSABLE
    }

    /** A try to sign in; {@code method} says which code was typed (the letter's or the e-mailed one). */
    record Result(Outcome outcome, Invitations.Invitation invitation, String sessionToken, String method) {
        Result(Outcome outcome, Invitations.Invitation invitation, String sessionToken) {
            this(outcome, invitation, sessionToken, LETTER_CODE);
        }
    }

    enum CodeOutcome {
        REQUESTED,
        LOCKED,
        TOO_MANY,
        UNUSABLE
    }

    /**
     * A one-time code asked for on the sign-in page. {@code email} and {@code code} are there only when an address
     * is on record: then the caller mails the code. The parent is told the same either way.
     */
    record CodeRequest(CodeOutcome outcome, Invitations.Invitation invitation, String email, String code) {}

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
    private final int codesPerLinkPerHour;
    private final int codesPerAddressPerHour;
    private final Duration codeLength;

    FamilySignIn(
            JdbcTemplate jdbc,
            Invitations invitations,
            CaseReader cases,
            Consents consents,
            Clock clock,
            @Value("${support-plans.family.tries-per-link-per-hour:10}") int perLinkPerHour,
            @Value("${support-plans.family.tries-per-address-per-hour:30}") int perAddressPerHour,
            @Value("${support-plans.family.session-minutes:30}") int sessionMinutes,
            @Value("${support-plans.family.codes-per-link-per-hour:3}") int codesPerLinkPerHour,
            @Value("${support-plans.family.codes-per-address-per-hour:10}") int codesPerAddressPerHour,
            @Value("${support-plans.family.code-minutes:10}") int codeMinutes) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.cases = cases;
        this.consents = consents;
        this.clock = clock;
        this.perLinkPerHour = perLinkPerHour;
        this.perAddressPerHour = perAddressPerHour;
        this.sessionLength = Duration.ofMinutes(sessionMinutes);
        this.codesPerLinkPerHour = codesPerLinkPerHour;
        this.codesPerAddressPerHour = codesPerAddressPerHour;
        this.codeLength = Duration.ofMinutes(codeMinutes);
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
        boolean stands = invitation.purpose() == Invitations.Purpose.REVOCATION
                ? invitations.servicesConsentStands(invitation.caseId())
                : consents.awaits(invitation.caseId(), invitation.kind());
        if (invitation.stored() == Invitations.Stored.OPEN && !stands) {
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
        // six digits are the code sent by e-mail; anything else is checked as the letter's code
        boolean byEmail = FamilyCodes.isEmailCode(letterCode);
        String method = byEmail ? EMAIL_CODE : LETTER_CODE;
        Optional<Long> emailCode = byEmail ? emailCode(invitation.id(), letterCode) : Optional.empty();
        // both checks always run: the answer's time does not tell which one failed
        boolean codeRight = byEmail
                ? emailCode.isPresent()
                : FamilyCodes.sameHash(invitation.codeHash(), FamilyCodes.codeHash(invitation.id(), letterCode));
        boolean birthDateRight =
                birthDate != null && birthDate.equals(view.student().dateOfBirth());
        boolean open = view.status() != CaseStatus.CLOSED || invitation.stored() == Invitations.Stored.ANSWERED;
        if (codeRight & birthDateRight & open && emailCode.isPresent()) {
            // the e-mailed code is used once: of two tries at the same moment, one takes it
            codeRight = jdbc.update(
                            "update family_email_code set used_at = ? where id = ? and used_at is null",
                            clock.instant().atOffset(ZoneOffset.UTC),
                            emailCode.get())
                    == 1;
        }
        if (!(codeRight & birthDateRight & open)) {
            attempt(invitation.id(), address, false);
            boolean locked = invitations.wrongTry(invitation.id());
            return new Result(locked ? Outcome.LOCKED : Outcome.WRONG, invitation, null, method);
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
                method,
                now.atOffset(ZoneOffset.UTC),
                now.plus(sessionLength).atOffset(ZoneOffset.UTC));
        return new Result(Outcome.SIGNED_IN, invitation, sessionToken, method);
    }

    /**
     * A parent asks for a one-time code by e-mail: six digits, valid for 10 minutes ({@code
     * support-plans.family.code-minutes}), used once; a newer code replaces the older. Limited to 3 per link and 10
     * per address within the hour ({@code ...codes-per-link-per-hour}, {@code ...codes-per-address-per-hour}), and
     * closed by the same lock as wrong tries. A request is recorded the same way whether or not an address is on
     * record, so that neither the page nor the limits tell whether there is one.
     */
    @Transactional(noRollbackFor = RuntimeException.class)
    CodeRequest requestEmailCode(String token, String address) {
        if (tooManyFrom(address) || countCodes("requested_from = ?", address) >= codesPerAddressPerHour) {
            return new CodeRequest(CodeOutcome.TOO_MANY, null, null, null);
        }
        Optional<Invitations.Invitation> found = usable(token);
        if (found.isEmpty()) {
            attempt(null, address, false);
            return new CodeRequest(CodeOutcome.UNUSABLE, null, null, null);
        }
        Invitations.Invitation invitation = found.get();
        if (countCodes("invitation_id = ?", invitation.id()) >= codesPerLinkPerHour) {
            return new CodeRequest(CodeOutcome.TOO_MANY, invitation, null, null);
        }
        if (invitation.locked()) {
            return new CodeRequest(CodeOutcome.LOCKED, invitation, null, null);
        }
        Instant now = clock.instant();
        jdbc.update(
                "update family_email_code set expires_at = ? where invitation_id = ? and used_at is null"
                        + " and expires_at > ?",
                now.atOffset(ZoneOffset.UTC),
                invitation.id(),
                now.atOffset(ZoneOffset.UTC));
        String code = FamilyCodes.newEmailCode();
        String email = invitation.email();
        jdbc.update(
                "insert into family_email_code (invitation_id, code_hash, requested_from, created_at, expires_at,"
                        + " sent) values (?, ?, ?, ?, ?, ?)",
                invitation.id(),
                FamilyCodes.emailCodeHash(invitation.id(), code),
                address,
                now.atOffset(ZoneOffset.UTC),
                now.plus(codeLength).atOffset(ZoneOffset.UTC),
                email != null);
        return email == null
                ? new CodeRequest(CodeOutcome.REQUESTED, invitation, null, null)
                : new CodeRequest(CodeOutcome.REQUESTED, invitation, email, code);
    }

    int codeMinutes() {
        return (int) codeLength.toMinutes();
    }

    /** The e-mailed code of this invitation that is still unused and valid and matches the one typed, if any. */
    private Optional<Long> emailCode(String invitationId, String typed) {
        String hash = FamilyCodes.emailCodeHash(invitationId, typed);
        List<Object[]> valid = jdbc.query(
                "select id, code_hash from family_email_code where invitation_id = ? and used_at is null"
                        + " and expires_at > ?",
                (rs, n) -> new Object[] {rs.getLong("id"), rs.getString("code_hash")},
                invitationId,
                clock.instant().atOffset(ZoneOffset.UTC));
        Long match = null;
        for (Object[] row : valid) {
            if (FamilyCodes.sameHash((String) row[1], hash)) {
                match = (Long) row[0];
            }
        }
        return Optional.ofNullable(match);
    }

    private int countCodes(String where, String value) {
        return jdbc.queryForObject(
                "select count(*) from family_email_code where " + where + " and created_at > ?",
                Integer.class,
                value,
                clock.instant().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
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
