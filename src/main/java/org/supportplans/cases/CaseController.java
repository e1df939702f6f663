package org.supportplans.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.audit.AuditTrail;
import org.supportplans.system.CurrentStaff;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases")
class CaseController {

    private final CaseReader reader;

    CaseController(CaseReader reader) {
        this.reader = reader;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case: the student, where it stands, what is due, and every record of it")
    CaseView get(@PathVariable String id) {
        return reader.read(id, CurrentStaff.require());
    }

    @GetMapping
    @Operation(
            summary =
                    "The cases of the caller's schools, newest first, filtered by school, phase, plan kind and status")
    CaseView.Page list(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) CasePhase phase,
            @RequestParam(required = false) PlanKind planKind,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Page<CaseView.Summary> cases = reader.list(
                new CaseReader.Filter(school, phase, planKind, status),
                PageRequest.of(
                        page, size, Sort.by(Sort.Direction.DESC, "openedOn").and(Sort.by("id"))),
                CurrentStaff.require());
        AuditTrail.shown(
                cases.getNumberOfElements(),
                cases.getContent().stream().map(CaseView.Summary::id).toList());
        return new CaseView.Page(
                cases.getContent(),
                cases.getNumber(),
                cases.getSize(),
                cases.getTotalElements(),
                cases.getTotalPages());
    }
}
