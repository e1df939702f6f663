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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
    private final String baseUrl;

    InvitationController(
            CaseAccess access,
            Invitations invitations,
            InvitationMail mail,
            @Value("${support-plans.family.base-url:}") String baseUrl) {
        this.access = access;
        this.invitations = invitations;
        this.mail = mail;
        this.baseUrl = baseUrl;
    }

    record InvitationRequest(
            @NotNull ConsentKind kind,
            @Email @Size(max = 254) String email) {}

    record Created(String invitationId, String url, String letterCode, LocalDate expiresOn) {}

    @PostMapping
    @Operation(
            summary = "Invite the parents to answer a consent request online: 201 with the link and the letter code"
                    + " (shown once), or 409 when the case is not waiting for that consent")
    ResponseEntity<Created> invite(@PathVariable String id, @Valid @RequestBody InvitationRequest request) {
        CurrentStaff staff = CurrentStaff.require();
        access.requireVisible(id, staff);
        String email = request.email() == null || request.email().isBlank()
                ? null
                : request.email().trim();
        Invitations.Issued issued = invitations.invite(id, request.kind(), email, staff.userId());
        String url = familyBase() + "/family/i/" + issued.token();
        if (email != null) {
            mail.invite(id, issued.invitationId(), email, url, issued.letterCode(), issued.expiresOn());
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{invitationId}")
                .buildAndExpand(issued.invitationId())
                .toUri();
        return ResponseEntity.created(location)
                .body(new Created(issued.invitationId(), url, issued.letterCode(), issued.expiresOn()));
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
