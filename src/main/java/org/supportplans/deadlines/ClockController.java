package org.supportplans.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.cases.CaseAccess;
import org.supportplans.cases.CaseClocks;
import org.supportplans.cases.ClockKind;
import org.supportplans.people.District;
import org.supportplans.people.DistrictAccess;
import org.supportplans.people.Role;
import org.supportplans.people.SchoolRepository;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotAllowedException;
import org.supportplans.system.NotFoundException;

/**
 * Clocks through the API: the preview of a due date, a clock's details and moves, and what
 * coordinators do to a clock: start one by hand, pause, resume, extend, record it met or why it was late.
 */
@RestController
@Tag(name = "Deadlines")
class ClockController {

    private final ClockService clocks;
    private final CaseAccess caseAccess;
    private final DistrictAccess districtAccess;
    private final SchoolRepository schools;

    ClockController(
            ClockService clocks, CaseAccess caseAccess, DistrictAccess districtAccess, SchoolRepository schools) {
        this.clocks = clocks;
        this.caseAccess = caseAccess;
        this.districtAccess = districtAccess;
        this.schools = schools;
    }

    @GetMapping("/api/deadlines/preview")
    @Operation(summary = "When a clock would be due if it started on this date, by the district's rule and calendars")
    ClockService.Preview preview(
            @RequestParam String district,
            @RequestParam String clock,
            @RequestParam LocalDate start,
            @Parameter(
                            description = "the referral's date, for rules that depend on it (California's end of year);"
                                    + " default: start")
                    @RequestParam(required = false)
                    LocalDate referredOn,
            @Parameter(
                            description = "a school of the district: its own calendar counts where it keeps one (a"
                                    + " year-round school), else the district's; default: the district's")
                    @RequestParam(required = false)
                    String school) {
        District visible = districtAccess.visible(district, CurrentStaff.require());
        String schoolId = school == null || school.isBlank() ? null : school.strip();
        if (schoolId != null
                && schools.findById(schoolId)
                        .filter(s -> s.getDistrict().getId().equals(visible.getId()))
                        .isEmpty()) {
            throw new ClockRuleViolation(
                    "There is no school " + schoolId + " in the district " + visible.getId() + ".");
        }
        ClockKind kind = ClockKind.ofId(clock)
                .orElseThrow(() -> new ClockRuleViolation("No clock named " + clock + "; the clocks are "
                        + java.util.Arrays.stream(ClockKind.values())
                                .map(ClockKind::id)
                                .toList() + "."));
        return clocks.preview(visible.getId(), schoolId, visible.getState(), kind, start, referredOn);
    }

    record ClockDetail(CaseClocks.ClockSummary clock, String caseId, List<Pause> pauses, List<Move> moves) {}

    record Pause(LocalDate from, LocalDate to, ReasonCode reasonCode, String reasonText) {}

    record Move(java.time.Instant changedAt, LocalDate previousDue, LocalDate newDue, String why) {}

    @GetMapping("/api/clocks/{id}")
    @Operation(summary = "A clock, its pauses and every move of its due date")
    ClockDetail get(@PathVariable Long id) {
        return detail(visibleClock(id));
    }

    record StartByHand(@NotNull String kind, @NotNull LocalDate start) {}

    @PostMapping(path = "/api/cases/{caseId}/clocks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a manifestation-determination or records-request clock on a case")
    ResponseEntity<ClockDetail> start(@PathVariable String caseId, @Valid @RequestBody StartByHand request) {
        CurrentStaff staff = CurrentStaff.require();
        caseAccess.requireVisible(caseId, staff);
        requireCoordinator(staff);
        ClockKind kind = ClockKind.ofId(request.kind())
                .orElseThrow(() -> new ClockRuleViolation("No clock named " + request.kind() + "."));
        Clock clock = clocks.startByHand(caseId, kind, request.start());
        return ResponseEntity.created(URI.create("/api/clocks/" + clock.getId()))
                .body(detail(clock));
    }

    record PauseRequest(
            @NotNull LocalDate from,
            @NotNull ReasonCode reasonCode,
            @Size(max = 1000) String reasonText) {}

    @PostMapping(path = "/api/clocks/{id}/pause", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Pause a clock, with the reason (e.g. PARENT_DID_NOT_PRODUCE_CHILD, 34 CFR 300.301(d)(1))")
    ClockDetail pause(@PathVariable Long id, @Valid @RequestBody PauseRequest request) {
        changeable(id);
        return detail(clocks.pause(id, request.from(), request.reasonCode(), request.reasonText()));
    }

    record ResumeRequest(@NotNull LocalDate on) {}

    @PostMapping(path = "/api/clocks/{id}/resume", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Resume a paused clock; its due date moves by the days it stood still")
    ClockDetail resume(@PathVariable Long id, @Valid @RequestBody ResumeRequest request) {
        changeable(id);
        return detail(clocks.resume(id, request.on()));
    }

    record ExtendRequest(
            @NotNull LocalDate to,
            @NotNull ReasonCode reasonCode,
            @Size(max = 1000) String reasonText) {}

    @PostMapping(path = "/api/clocks/{id}/extend", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Extend a clock by agreement (e.g. SLD_WRITTEN_EXTENSION, 34 CFR 300.309(c))")
    ClockDetail extend(@PathVariable Long id, @Valid @RequestBody ExtendRequest request) {
        changeable(id);
        return detail(clocks.extend(id, request.to(), request.reasonCode(), request.reasonText()));
    }

    record ReasonRequest(
            @NotNull ReasonCode reasonCode,
            @Size(max = 1000) String reasonText) {}

    @PostMapping(path = "/api/clocks/{id}/reason", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record why a clock was met late or is overdue")
    ClockDetail reason(@PathVariable Long id, @Valid @RequestBody ReasonRequest request) {
        changeable(id);
        return detail(clocks.explain(id, request.reasonCode(), request.reasonText()));
    }

    record AbsencesRequest(
            @NotNull @Size(min = 1, max = 200) java.util.Set<@NotNull LocalDate> days) {}

    @PostMapping(path = "/api/clocks/{id}/absences", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record school days the student was absent during the clock's period: in Texas, three or more"
                    + " extend the evaluation by the days absent (Tex. Educ. Code 29.004(a))")
    ClockDetail absences(@PathVariable Long id, @Valid @RequestBody AbsencesRequest request) {
        changeable(id);
        return detail(clocks.absent(id, request.days()));
    }

    record MetRequest(@NotNull LocalDate on) {}

    @PostMapping(path = "/api/clocks/{id}/met", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a clock started by hand as met (the determination held, the records shown)")
    ClockDetail met(@PathVariable Long id, @Valid @RequestBody MetRequest request) {
        Clock clock = changeable(id);
        if (clock.getKind() != ClockKind.MANIFESTATION_DETERMINATION && clock.getKind() != ClockKind.RECORDS_REQUEST) {
            throw new ClockRuleViolation("The " + clock.getKind().id() + " clock stops with the case's own step.");
        }
        return detail(clocks.met(id, request.on()));
    }

    private Clock visibleClock(Long id) {
        Clock clock = clocks.find(id).orElseThrow(() -> new NotFoundException("No clock " + id + "."));
        try {
            caseAccess.requireVisible(clock.getCaseId(), CurrentStaff.require());
        } catch (NotFoundException e) {
            throw new NotFoundException("No clock " + id + ".");
        }
        return clock;
    }

    private Clock changeable(Long id) {
        Clock clock = visibleClock(id);
        requireCoordinator(CurrentStaff.require());
        return clock;
    }

    private static void requireCoordinator(CurrentStaff staff) {
        boolean may = staff.isMemberOf(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN)
                || staff.groupIds().stream()
                        .map(Role::ofGroupId)
                        .flatMap(java.util.Optional::stream)
                        .anyMatch(Role::overseesCases);
        if (!may) {
            throw new NotAllowedException("Only coordinators and district administrators change clocks.");
        }
    }

    private ClockDetail detail(Clock clock) {
        return new ClockDetail(
                ClockService.summary(clock),
                clock.getCaseId(),
                clock.getPauses().stream()
                        .map(p -> new Pause(p.getFromDay(), p.getToDay(), p.getReasonCode(), p.getReasonText()))
                        .toList(),
                clocks.changesOf(clock.getId()).stream()
                        .map(c -> new Move(c.getChangedAt(), c.getPreviousDue(), c.getNewDue(), c.getWhy()))
                        .toList());
    }
}
