package org.supportplans.family;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.supportplans.audit.AuditEvent.Action;
import org.supportplans.audit.AuditEvent.Resource;
import org.supportplans.audit.AuditLog;
import org.supportplans.cases.CaseReader;
import org.supportplans.cases.CaseView;
import org.supportplans.cases.NotAwaitedException;
import org.supportplans.cases.ParentDecision;
import org.supportplans.documents.Documents;

/**
 * The family's page ({@code /family}): the parent opens the link, signs in with the letter code and the child's date
 * of birth, reads what is asked with its documents, gives or refuses consent (typed name, then a confirmation), gets
 * a receipt, reads the final documents of their child's case, and for consent to services, can revoke it. Nothing
 * about the student is shown before the sign-in; an expired, used or unknown link gets one same page.
 */
@Controller
@RequestMapping("/family")
class FamilyPageController {

    private static final Logger log = LoggerFactory.getLogger(FamilyPageController.class);

    static final String SESSION_COOKIE = "family_session";
    static final String LANGUAGE_COOKIE = "family_lang";

    private final FamilySignIn signIn;
    private final Invitations invitations;
    private final InvitationMail mail;
    private final FamilyAnswers answers;
    private final FamilyReceipts receipts;
    private final FamilyPages pages;
    private final Documents documents;
    private final CaseReader cases;
    private final AuditLog auditLog;
    private final Clock clock;

    FamilyPageController(
            FamilySignIn signIn,
            Invitations invitations,
            InvitationMail mail,
            FamilyAnswers answers,
            FamilyReceipts receipts,
            FamilyPages pages,
            Documents documents,
            CaseReader cases,
            AuditLog auditLog,
            Clock clock) {
        this.signIn = signIn;
        this.invitations = invitations;
        this.mail = mail;
        this.answers = answers;
        this.receipts = receipts;
        this.pages = pages;
        this.documents = documents;
        this.cases = cases;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    // ---- before the sign-in: nothing about the student

    @GetMapping("/i/{token}")
    ResponseEntity<String> open(
            @PathVariable String token,
            @RequestParam(name = "lang", required = false) String lang,
            HttpServletRequest request,
            HttpServletResponse response) {
        String address = request.getRemoteAddr();
        if (signIn.tooManyFrom(address)) {
            return page(HttpStatus.TOO_MANY_REQUESTS, "tooMany", language(request, response, lang, null), request);
        }
        Optional<Invitations.Invitation> invitation = signIn.usable(token);
        if (invitation.isEmpty()) {
            signIn.unusableLinkOpened(address);
            return unusable(request, response, lang);
        }
        String language = language(request, response, lang, invitation.get());
        Map<String, Object> variables = new HashMap<>();
        variables.put("token", token);
        variables.put("locked", invitation.get().locked());
        return page(HttpStatus.OK, "signIn", language, request, variables);
    }

    @PostMapping("/i/{token}")
    ResponseEntity<String> signIn(
            @PathVariable String token,
            @RequestParam(name = "letterCode", defaultValue = "") String letterCode,
            @RequestParam(name = "birthMonth", defaultValue = "") String birthMonth,
            @RequestParam(name = "birthDay", defaultValue = "") String birthDay,
            @RequestParam(name = "birthYear", defaultValue = "") String birthYear,
            HttpServletRequest request,
            HttpServletResponse response) {
        FamilySignIn.Result result =
                signIn.signIn(token, letterCode, date(birthYear, birthMonth, birthDay), request.getRemoteAddr());
        String language = language(request, response, null, result.invitation());
        Map<String, Object> variables = new HashMap<>();
        variables.put("token", token);
        switch (result.outcome()) {
            case SIGNED_IN -> {
                Invitations.Invitation invitation = result.invitation();
                auditLog.family(
                        invitation.caseId(),
                        FamilyAnswers.actor(invitation),
                        Action.READ,
                        Resource.FAMILY_SIGN_IN,
                        "POST",
                        "/family/i/{token}",
                        "method=" + result.method(),
                        303,
                        clock.instant());
                response.addHeader(
                        HttpHeaders.SET_COOKIE,
                        sessionCookie(result.sessionToken(), request, -1).toString());
                return ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .location(java.net.URI.create(request.getContextPath() + "/family/request"))
                        .build();
            }
            case WRONG -> {
                refused(result.invitation(), result.method(), 401);
                variables.put("wrong", true);
                variables.put("letterCode", letterCode.length() > 20 ? "" : letterCode);
                return page(HttpStatus.UNAUTHORIZED, "signIn", language, request, variables);
            }
            case LOCKED -> {
                refused(result.invitation(), result.method(), 423);
                variables.put("locked", true);
                return page(HttpStatus.LOCKED, "signIn", language, request, variables);
            }
            case TOO_MANY -> {
                return page(HttpStatus.TOO_MANY_REQUESTS, "tooMany", language, request);
            }
            default -> {
                return unusable(request, response, null);
            }
        }
    }

    /**
     * A parent asks for a one-time code by e-mail. The page says the same whether or not an address is on record
     * ("if the school has your e-mail address, we sent a code"), and the mail leaves on another thread, so that
     * neither the words nor the time of the answer tell whether there is one.
     */
    @PostMapping("/i/{token}/code")
    ResponseEntity<String> emailCode(
            @PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        FamilySignIn.CodeRequest asked = signIn.requestEmailCode(token, request.getRemoteAddr());
        // the family's language, as the sign-in page had it (the page's choice, else the case's)
        String language = language(request, response, null, asked.invitation());
        Map<String, Object> variables = new HashMap<>();
        variables.put("token", token);
        switch (asked.outcome()) {
            case REQUESTED -> {
                Invitations.Invitation invitation = asked.invitation();
                if (asked.email() != null) {
                    mail.codeLater(
                            invitation.caseId(), invitation.id(), asked.email(), asked.code(), signIn.codeMinutes());
                }
                auditLog.family(
                        invitation.caseId(),
                        FamilyAnswers.actor(invitation),
                        Action.CREATE,
                        Resource.FAMILY_SIGN_IN,
                        "POST",
                        "/family/i/{token}/code",
                        "method=" + FamilySignIn.EMAIL_CODE + "&sent=" + (asked.email() != null),
                        202,
                        clock.instant());
                variables.put("codeSent", true);
                variables.put("codeMinutes", signIn.codeMinutes());
                return page(HttpStatus.OK, "signIn", language, request, variables);
            }
            case LOCKED -> {
                variables.put("locked", true);
                return page(HttpStatus.LOCKED, "signIn", language, request, variables);
            }
            case TOO_MANY -> {
                return page(HttpStatus.TOO_MANY_REQUESTS, "tooMany", language, request);
            }
            default -> {
                return unusable(request, response, null);
            }
        }
    }

    /** A problem page ({@link FamilyProblems}) in the other language: its switch names no path of the parent's. */
    @GetMapping("/problem/{view}")
    ResponseEntity<String> problem(
            @PathVariable String view,
            @RequestParam(name = "lang", required = false) String lang,
            HttpServletRequest request,
            HttpServletResponse response) {
        String shown = FamilyProblems.VIEWS.containsKey(view) ? view : "notFound";
        String language = language(request, response, lang, null);
        return ResponseEntity.status(FamilyProblems.VIEWS.get(shown))
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(pages.render(shown, language, FamilyProblems.variables(request, shown)));
    }

    /** The page of a link that does not work, in the other language (its switch names no link). */
    @GetMapping("/unavailable")
    ResponseEntity<String> unavailable(
            @RequestParam(name = "lang", required = false) String lang,
            HttpServletRequest request,
            HttpServletResponse response) {
        return unusable(request, response, lang);
    }

    // ---- after the sign-in

    @GetMapping("/request")
    ResponseEntity<String> request(
            @RequestParam(name = "lang", required = false) String lang,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<FamilySignIn.Session> session = session(request);
        if (session.isEmpty()) {
            return signedOut(request, response, lang);
        }
        Invitations.Invitation invitation = session.get().invitation();
        String language = language(request, response, lang, invitation);
        Map<String, Object> variables = about(invitation, language);
        if (invitation.stored() == Invitations.Stored.OPEN && invitation.purpose() == Invitations.Purpose.ANSWER) {
            return page(HttpStatus.OK, "request", language, request, variables);
        }
        return page(HttpStatus.OK, standing(invitation, language, variables), language, request, variables);
    }

    @PostMapping("/request/review")
    ResponseEntity<String> review(
            @RequestParam(name = "decision", defaultValue = "") String decision,
            @RequestParam(name = "signedName", defaultValue = "") String signedName,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<FamilySignIn.Session> session = session(request);
        if (session.isEmpty()) {
            return signedOut(request, response, null);
        }
        Invitations.Invitation invitation = session.get().invitation();
        if (invitation.purpose() != Invitations.Purpose.ANSWER) {
            return seeOther(request, "/family/request");
        }
        String language = language(request, response, null, invitation);
        Map<String, Object> variables = about(invitation, language);
        Optional<ParentDecision> chosen = decision(decision);
        String name = signedName.strip();
        if (chosen.isEmpty() || name.isEmpty() || name.length() > 200) {
            variables.put("decisionMissing", chosen.isEmpty());
            variables.put("nameMissing", name.isEmpty() || name.length() > 200);
            variables.put("decision", decision);
            variables.put("signedName", name.length() > 200 ? "" : name);
            return page(HttpStatus.BAD_REQUEST, "request", language, request, variables);
        }
        variables.put("decision", chosen.get().name());
        variables.put("signedName", name);
        variables.put("words", FamilyPages.message(language, "words." + invitation.kind() + "." + chosen.get()));
        return page(HttpStatus.OK, "review", language, request, variables);
    }

    @PostMapping("/request/confirm")
    ResponseEntity<String> confirm(
            @RequestParam(name = "decision", defaultValue = "") String decision,
            @RequestParam(name = "signedName", defaultValue = "") String signedName,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<FamilySignIn.Session> session = session(request);
        if (session.isEmpty()) {
            return signedOut(request, response, null);
        }
        String language = language(request, response, null, session.get().invitation());
        Optional<ParentDecision> chosen = decision(decision);
        String name = signedName.strip();
        if (chosen.isEmpty() || name.isEmpty() || name.length() > 200) {
            return seeOther(request, "/family/request");
        }
        try {
            answers.decide(session.get(), chosen.get(), signer(name, language, request));
        } catch (NotAwaitedException e) {
            // answered meanwhile (another tab, or the school recorded the paper form): the page says what stands
            log.info(
                    "Family answer to invitation {} not taken: {}",
                    session.get().invitation().id(),
                    e.getMessage());
        }
        return seeOther(request, "/family/request");
    }

    @PostMapping("/revoke/review")
    ResponseEntity<String> reviewRevocation(
            @RequestParam(name = "signedName", defaultValue = "") String signedName,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<FamilySignIn.Session> session = session(request);
        if (session.isEmpty()) {
            return signedOut(request, response, null);
        }
        Invitations.Invitation invitation = session.get().invitation();
        if (!answers.mayRevoke(invitation)) {
            return seeOther(request, "/family/request");
        }
        String language = language(request, response, null, invitation);
        Map<String, Object> variables = about(invitation, language);
        String name = signedName.strip();
        if (name.isEmpty() || name.length() > 200) {
            String view = standing(invitation, language, variables);
            variables.put("revokeNameMissing", true);
            return page(HttpStatus.BAD_REQUEST, view, language, request, variables);
        }
        variables.put("signedName", name);
        variables.put("words", FamilyPages.message(language, "words.SERVICES_CONSENT.REVOKED"));
        return page(HttpStatus.OK, "revoke", language, request, variables);
    }

    @PostMapping("/revoke/confirm")
    ResponseEntity<String> revoke(
            @RequestParam(name = "signedName", defaultValue = "") String signedName,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<FamilySignIn.Session> session = session(request);
        if (session.isEmpty()) {
            return signedOut(request, response, null);
        }
        Invitations.Invitation invitation = session.get().invitation();
        String language = language(request, response, null, invitation);
        String name = signedName.strip();
        if (name.isEmpty() || name.length() > 200 || !answers.mayRevoke(invitation)) {
            return seeOther(request, "/family/request");
        }
        Map<String, Object> variables = about(invitation, language);
        FamilyAnswers.Evidence evidence = answers.revoke(session.get(), signer(name, language, request));
        variables.putAll(receipts.facts(evidence, language));
        signIn.signOut(cookie(request, SESSION_COOKIE));
        response.addHeader(HttpHeaders.SET_COOKIE, sessionCookie("", request, 0).toString());
        return page(HttpStatus.OK, "revoked", language, request, variables);
    }

    @GetMapping("/documents/{documentId}")
    ResponseEntity<?> document(
            @PathVariable long documentId, HttpServletRequest request, HttpServletResponse response) {
        Optional<FamilySignIn.Session> session = session(request);
        if (session.isEmpty()) {
            return signedOut(request, response, null);
        }
        Invitations.Invitation invitation = session.get().invitation();
        Optional<Documents.Download> copy = documents.familyCopy(invitation.caseId(), documentId);
        auditLog.family(
                invitation.caseId(),
                FamilyAnswers.actor(invitation),
                Action.READ,
                Resource.DOCUMENT,
                "GET",
                "/family/documents/" + documentId,
                null,
                copy.isPresent() ? 200 : 404,
                clock.instant());
        if (copy.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "noDocument", language(request, response, null, invitation), request);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(copy.get().fileName())
                                .build()
                                .toString())
                .body(copy.get().content());
    }

    /**
     * A document to read on the page: the words of its PDF (the XHTML it was rendered from, sealed with it), in the
     * document's language, inside the page (its own style sheet, no script), with the PDF beside it.
     */
    @GetMapping("/documents/{documentId}/read")
    ResponseEntity<String> read(
            @PathVariable long documentId,
            @RequestParam(name = "lang", required = false) String lang,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<FamilySignIn.Session> session = session(request);
        if (session.isEmpty()) {
            return signedOut(request, response, lang);
        }
        Invitations.Invitation invitation = session.get().invitation();
        Optional<Documents.Reading> reading = documents.familyReading(invitation.caseId(), documentId);
        auditLog.family(
                invitation.caseId(),
                FamilyAnswers.actor(invitation),
                Action.READ,
                Resource.DOCUMENT,
                "GET",
                "/family/documents/" + documentId + "/read",
                null,
                reading.isPresent() ? 200 : 404,
                clock.instant());
        String language = language(request, response, lang, invitation);
        if (reading.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "noDocument", language, request);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("document", reading.get());
        variables.put(
                "documentName",
                FamilyPages.message(language, "paper." + reading.get().kind().name()));
        // the document's words without the inline widths of its charts (the page's policy allows no inline style)
        variables.put("documentBody", reading.get().body().replaceAll("\\sstyle=\"[^\"]*\"", ""));
        return page(HttpStatus.OK, "reading", language, request, variables);
    }

    /** The receipt of the parent's answer as a tagged PDF, in the language they answered in. */
    @GetMapping("/receipt")
    ResponseEntity<?> receipt(HttpServletRequest request, HttpServletResponse response) {
        Optional<FamilySignIn.Session> session = session(request);
        if (session.isEmpty()) {
            return signedOut(request, response, null);
        }
        Invitations.Invitation invitation = session.get().invitation();
        Optional<FamilyAnswers.Evidence> evidence = answers.latest(invitation.id());
        auditLog.family(
                invitation.caseId(),
                FamilyAnswers.actor(invitation),
                Action.READ,
                Resource.FAMILY_CONSENT,
                "GET",
                "/family/receipt",
                evidence.map(e -> "receipt=" + e.id()).orElse(null),
                evidence.isPresent() ? 200 : 404,
                clock.instant());
        if (evidence.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "noDocument", language(request, response, null, invitation), request);
        }
        return pdf(receipts.pdf(evidence.get()), FamilyReceipts.fileName(evidence.get()));
    }

    @PostMapping("/sign-out")
    ResponseEntity<String> signOut(HttpServletRequest request, HttpServletResponse response) {
        signIn.signOut(cookie(request, SESSION_COOKIE));
        response.addHeader(HttpHeaders.SET_COOKIE, sessionCookie("", request, 0).toString());
        return page(HttpStatus.OK, "signedOut", language(request, response, null, null), request);
    }

    // ---- helpers

    private Map<String, Object> about(Invitations.Invitation invitation, String language) {
        CaseView view = cases.read(invitation.caseId(), FamilySignIn.SERVICE);
        Map<String, Object> variables = new HashMap<>();
        variables.put("kind", invitation.kind().name());
        variables.put("childName", view.student().firstName());
        variables.put("schoolName", view.school().name());
        variables.put("expiresOn", format(invitation.expiresOn(), language));
        java.util.Set<Long> readable = documents.readableForFamily(invitation.caseId());
        List<Map<String, Object>> shown = answers.shown(invitation.caseId()).stream()
                .map(d -> Map.<String, Object>of(
                        "id", d.id(),
                        "kind", d.kind().name(),
                        "version", d.version(),
                        "date", format(LocalDate.ofInstant(d.createdAt(), java.time.ZoneOffset.UTC), language),
                        "sha256", d.sha256(),
                        "name",
                                FamilyPages.message(
                                        language, "paper." + d.kind().name()),
                        "readable", readable.contains(d.id())))
                .toList();
        variables.put("documents", shown);
        return variables;
    }

    /**
     * The page of a request that is not open for an answer: the receipt of the answer given here (with the
     * revocation, for consent to services), or, for an invitation to revoke a consent the staff recorded, that
     * consent and the revocation. Returns the view; puts its variables.
     */
    private String standing(Invitations.Invitation invitation, String language, Map<String, Object> variables) {
        variables.put("mayRevoke", answers.mayRevoke(invitation));
        if (invitation.purpose() == Invitations.Purpose.REVOCATION) {
            variables.put(
                    "givenOn",
                    format(
                            invitations
                                    .servicesConsentGivenOn(invitation.caseId())
                                    .orElse(null),
                            language));
            return "consented";
        }
        answers.latest(invitation.id()).ifPresent(evidence -> variables.putAll(receipts.facts(evidence, language)));
        return "answered";
    }

    private FamilyAnswers.Signer signer(String name, String language, HttpServletRequest request) {
        return new FamilyAnswers.Signer(name, language, request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    private void refused(Invitations.Invitation invitation, String method, int status) {
        auditLog.family(
                invitation.caseId(),
                FamilyAnswers.actor(invitation),
                Action.READ,
                Resource.FAMILY_SIGN_IN,
                "POST",
                "/family/i/{token}",
                "method=" + method,
                status,
                clock.instant());
    }

    private Optional<FamilySignIn.Session> session(HttpServletRequest request) {
        return signIn.session(cookie(request, SESSION_COOKIE));
    }

    private ResponseEntity<String> unusable(HttpServletRequest request, HttpServletResponse response, String lang) {
        // one page, one status, whatever the reason: unknown, expired, used or closed
        return page(HttpStatus.NOT_FOUND, "unusable", language(request, response, lang, null), request);
    }

    private ResponseEntity<String> signedOut(HttpServletRequest request, HttpServletResponse response, String lang) {
        return page(HttpStatus.UNAUTHORIZED, "signedOut", language(request, response, lang, null), request);
    }

    private ResponseEntity<String> page(HttpStatus status, String view, String language, HttpServletRequest request) {
        return page(status, view, language, request, new HashMap<>());
    }

    private ResponseEntity<String> page(
            HttpStatus status,
            String view,
            String language,
            HttpServletRequest request,
            Map<String, Object> variables) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        variables.put("csrfName", csrf == null ? "_csrf" : csrf.getParameterName());
        variables.put("csrfToken", csrf == null ? "" : csrf.getToken());
        variables.put("base", request.getContextPath());
        // the unusable link's page names no link: it is the same page whatever the link was
        variables.put(
                "path",
                view.equals("unusable")
                        ? "/family/unavailable"
                        : request.getRequestURI()
                                .substring(request.getContextPath().length()));
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(pages.render(view, language, variables));
    }

    static ResponseEntity<byte[]> pdf(byte[] content, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(content);
    }

    private static ResponseEntity<String> seeOther(HttpServletRequest request, String path) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(java.net.URI.create(request.getContextPath() + path))
                .build();
    }

    /** The page's language: asked for ({@code ?lang=}, then kept in a cookie), else the family's, else English. */
    private String language(
            HttpServletRequest request, HttpServletResponse response, String asked, Invitations.Invitation invitation) {
        if (asked != null && !asked.isBlank()) {
            String language = FamilyPages.language(asked);
            response.addHeader(
                    HttpHeaders.SET_COOKIE,
                    ResponseCookie.from(LANGUAGE_COOKIE, language)
                            .path(request.getContextPath() + "/family")
                            .httpOnly(true)
                            .secure(request.isSecure())
                            .sameSite("Lax")
                            .build()
                            .toString());
            return language;
        }
        String kept = cookie(request, LANGUAGE_COOKIE);
        if (kept != null) {
            return FamilyPages.language(kept);
        }
        if (invitation != null) {
            return FamilyPages.language(
                    cases.read(invitation.caseId(), FamilySignIn.SERVICE).parentLanguage());
        }
        return FamilyPages.language(request.getLocale().toLanguageTag());
    }

    private static ResponseCookie sessionCookie(String value, HttpServletRequest request, long maxAgeSeconds) {
        return ResponseCookie.from(SESSION_COOKIE, value)
                .path(request.getContextPath() + "/family")
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .maxAge(maxAgeSeconds)
                .build();
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static Optional<ParentDecision> decision(String value) {
        try {
            return Optional.of(ParentDecision.valueOf(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(
                    Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    static String format(LocalDate date, String language) {
        return date == null
                ? ""
                : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(Locale.forLanguageTag(language)));
    }
}
