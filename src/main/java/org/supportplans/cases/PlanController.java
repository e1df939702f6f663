package org.supportplans.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.people.Role;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotAllowedException;

/** A plan's versions and notices one by one, and an amendment of the IEP without a meeting (34 CFR 300.324(a)(4)). */
@RestController
@RequestMapping("/api/cases/{id}")
@Tag(name = "Cases")
class PlanController {

    private final CaseAccess access;
    private final PlanVersions versions;
    private final Reviews reviews;
    private final ParentRequests requests;

    PlanController(CaseAccess access, PlanVersions versions, Reviews reviews, ParentRequests requests) {
        this.access = access;
        this.versions = versions;
        this.reviews = reviews;
        this.requests = requests;
    }

    record Service(
            @NotBlank @Size(max = 200) String service,
            @NotBlank @Size(max = 64) String providerRole,
            @Min(5) @Max(600) int minutes,

            @NotNull @Pattern(regexp = "DAILY|WEEKLY|MONTHLY")
            String frequency,

            @NotNull @Pattern(regexp = "GENERAL_EDUCATION|SPECIAL_EDUCATION|RELATED_SERVICES_ROOM|HOME_OR_HOSPITAL")
            String setting,

            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn) {}

    record Amendment(
            @NotNull LocalDate agreedOn,
            boolean parentsAgreedInWriting,
            @NotBlank @Size(max = 8000) String reasons,
            @NotBlank @Size(max = 8000) String optionsConsidered,
            @Size(min = 20, max = 8000) String presentLevels,
            @Size(min = 10, max = 8000) String annualGoals,
            @Size(min = 1, max = 20) List<@Valid Service> services,
            @Size(max = 8000) String accommodations,

            @Pattern(
                    regexp = "REGULAR_CLASS_80_PERCENT_OR_MORE|REGULAR_CLASS_40_TO_79_PERCENT"
                            + "|REGULAR_CLASS_LESS_THAN_40_PERCENT|SEPARATE_SCHOOL|RESIDENTIAL_FACILITY"
                            + "|HOME_OR_HOSPITAL")
            String placement) {}

    @PostMapping("/plan-amendments")
    @Operation(
            summary = "Amend the IEP in effect without a meeting, the parents and the district agreeing in writing"
                    + " (34 CFR 300.324(a)(4)): a new version, prior written notice, a copy to the parents")
    ResponseEntity<CaseView.PlanView> amend(@PathVariable String id, @Valid @RequestBody Amendment amendment) {
        CurrentStaff staff = CurrentStaff.require();
        access.requireVisible(id, staff);
        if (!staff.isMemberOf(Role.COORDINATOR.groupId())
                && !staff.isMemberOf(Role.SPECIAL_EDUCATION_TEACHER.groupId())) {
            throw new NotAllowedException("Only coordinators and special education teachers amend an IEP.");
        }
        List<PlanService> services = amendment.services() == null
                ? null
                : amendment.services().stream()
                        .map(s -> new PlanService(
                                s.service(),
                                s.providerRole(),
                                s.minutes(),
                                s.frequency(),
                                s.setting(),
                                s.startsOn(),
                                s.endsOn()))
                        .toList();
        CaseView.PlanView version = reviews.amend(
                id,
                new Reviews.Amendment(
                        amendment.agreedOn(),
                        amendment.parentsAgreedInWriting(),
                        amendment.reasons(),
                        amendment.optionsConsidered(),
                        amendment.presentLevels(),
                        amendment.annualGoals(),
                        services,
                        amendment.accommodations(),
                        amendment.placement()),
                staff.userId());
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/plans/" + version.id()))
                .body(version);
    }

    record Refusal(
            @NotNull LocalDate requestedOn,
            @NotBlank @Size(max = 2000) String request,
            @NotNull ParentRequestSubject about,
            @NotBlank @Size(max = 8000) String reasons,
            @NotBlank @Size(max = 8000) String evidence,
            @NotBlank @Size(max = 8000) String optionsConsidered) {}

    @PostMapping("/request-refusals")
    @Operation(
            summary = "The school refuses what the parents asked about their child's identification, evaluation,"
                    + " placement or services: prior written notice of the refusal (34 CFR 300.503(a)(2)), sealed as a"
                    + " document for the family. Coordinators")
    ResponseEntity<CaseView.NoticeView> refuse(@PathVariable String id, @Valid @RequestBody Refusal refusal) {
        CurrentStaff staff = CurrentStaff.require();
        access.requireVisible(id, staff);
        boolean oversees = staff.groupIds().stream()
                .map(Role::ofGroupId)
                .flatMap(java.util.Optional::stream)
                .anyMatch(Role::overseesCases);
        if (!oversees) {
            throw new NotAllowedException("Only coordinators answer the parents' requests with a refusal.");
        }
        CaseView.NoticeView notice = requests.refuse(
                id,
                new ParentRequests.Refusal(
                        refusal.requestedOn(),
                        refusal.request(),
                        refusal.about(),
                        refusal.reasons(),
                        refusal.evidence(),
                        refusal.optionsConsidered()),
                staff.userId());
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/notices/" + notice.id()))
                .body(notice);
    }

    @GetMapping("/plans/{planId}")
    @Operation(summary = "One version of a plan, as it was finalised")
    CaseView.PlanView plan(@PathVariable String id, @PathVariable Long planId) {
        access.requireVisible(id, CurrentStaff.require());
        return versions.version(id, planId);
    }

    @GetMapping("/notices/{noticeId}")
    @Operation(summary = "One notice sent to the parents, with its content")
    CaseView.NoticeView notice(@PathVariable String id, @PathVariable Long noticeId) {
        access.requireVisible(id, CurrentStaff.require());
        return versions.notice(id, noticeId);
    }
}
