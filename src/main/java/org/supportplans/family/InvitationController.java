package org.supportplans.family;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.supportplans.cases.CaseAccess;
import org.supportplans.cases.ConsentKind;
import org.supportplans.system.CurrentStaff;

/**
 * The staff's side of the family's page: invite the parents to answer a consent request online, see the
 * invitations of a case, unlock one locked by wrong tries, renew one about to expire. Staff of the case's school
 * only (404 for another school's case).
 */
@RestController
@RequestMapping("/api/cases/{id}/parent-invitations")
@Tag(name = "Cases")
class InvitationController {

    private final CaseAccess access;
    private final Invitations invitations;
    private final InvitationMail mail;
    private final InvitationSheet sheet;
    private final String baseUrl;

    InvitationController(
            CaseAccess access,
            Invitations invitations,
            InvitationMail mail,
            InvitationSheet sheet,
            @Value("${support-plans.family.base-url:}") String baseUrl) {
        this.access = access;
        this.invitations = invitations;
        this.mail = mail;
        this.sheet = sheet;
        this.baseUrl = baseUrl;
    }

    /**
     * {@code purpose}: {@code ANSWER} (the default) to answer the consent request the case waits for; {@code
     * REVOCATION} (kind {@code SERVICES_CONSENT}) to let parents whose consent for services the staff recorded revoke
     * it online.
     */
    record InvitationRequest(
            @NotNull ConsentKind kind,
            @Email @Size(max = 254) String email,
            Invitations.Purpose purpose) {}

    record Created(String invitationId, String url, String letterCode, LocalDate expiresOn) {}

    @PostMapping
    @Operation(
            summary = "Invite the parents to answer a consent request online: 201 with the link and the letter code"
                    + " (shown once), or 409 when the case is not waiting for that consent. With Accept:"
                    + " application/pdf the answer is the printable sheet \"How to answer online\" (link and code, in"
                    + " the family's language), rendered now and never stored; the invitation's address is in Location")
    ResponseEntity<?> invite(
            @PathVariable String id,
            @Valid @RequestBody InvitationRequest request,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        CurrentStaff staff = CurrentStaff.require();
        access.requireVisible(id, staff);
        String email = request.email() == null || request.email().isBlank()
                ? null
                : request.email().trim();
        Invitations.Purpose purpose = request.purpose() == null ? Invitations.Purpose.ANSWER : request.purpose();
        Invitations.Issued issued = invitations.invite(id, request.kind(), purpose, email, staff.userId());
        String url = familyBase() + "/family/i/" + issued.token();
        if (email != null) {
            mail.invite(id, issued.invitationId(), email, url, issued.letterCode(), issued.expiresOn());
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{invitationId}")
                .buildAndExpand(issued.invitationId())
                .toUri();
        if (wantsPdf(accept)) {
            return ResponseEntity.created(location)
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename("how-to-answer-online.pdf")
                                    .build()
                                    .toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(sheet.pdf(id, request.kind(), purpose, url, issued.letterCode(), issued.expiresOn()));
        }
        return ResponseEntity.created(location)
                .body(new Created(issued.invitationId(), url, issued.letterCode(), issued.expiresOn()));
    }

    /** Whether the staff asked for the sheet: {@code application/pdf} named in Accept (not with {@code q=0}). */
    static boolean wantsPdf(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        return MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_PDF) && type.getQualityValue() > 0);
    }

    @GetMapping
    @Operation(summary = "The case's invitations with their status: OPEN, ANSWERED, LOCKED, EXPIRED or CLOSED")
    List<Invitations.Listed> list(@PathVariable String id) {
        access.requireVisible(id, CurrentStaff.require());
        return invitations.list(id);
    }

    @PostMapping("/{invitationId}/unlock")
    @Operation(summary = "Unlock an invitation locked after five wrong tries")
    Invitations.Listed unlock(@PathVariable String id, @PathVariable String invitationId) {
        access.requireVisible(id, CurrentStaff.require());
        return invitations.unlock(id, invitationId);
    }

    @PostMapping("/{invitationId}/renew")
    @Operation(summary = "Renew an invitation: valid for the full period again from today")
    Invitations.Listed renew(@PathVariable String id, @PathVariable String invitationId) {
        access.requireVisible(id, CurrentStaff.require());
        return invitations.renew(id, invitationId);
    }

    private String familyBase() {
        if (!baseUrl.isBlank()) {
            return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
