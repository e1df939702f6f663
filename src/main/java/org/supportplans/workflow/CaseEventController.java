package org.supportplans.workflow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.cases.CaseAccess;
import org.supportplans.cases.ClosureReason;
import org.supportplans.cases.ConsentKind;
import org.supportplans.cases.ParentDecision;
import org.supportplans.system.CurrentStaff;

/** What happens to a case from outside Tasklist: the parents answer, the student leaves. */
@RestController
@RequestMapping("/api/cases/{id}")
@Tag(name = "Cases")
class CaseEventController {

    private final CaseAccess access;
    private final CaseProcesses processes;

    CaseEventController(CaseAccess access, CaseProcesses processes) {
        this.access = access;
        this.processes = processes;
    }

    record ParentResponse(
            @NotNull ConsentKind kind,
            @NotNull ParentDecision decision,
            // not @PastOrPresent: "today" is the district's date (its time zone), checked by the case's phase service
            @NotNull LocalDate date) {}

    record Exit(@NotNull ClosureReason reason) {}

    @PostMapping("/parent-responses")
    @Operation(summary = "The parents' answer to a consent request: 202, or 409 when the case is not waiting for it")
    ResponseEntity<Void> parentResponse(@PathVariable String id, @Valid @RequestBody ParentResponse response) {
        CurrentStaff staff = CurrentStaff.require();
        access.requireVisible(id, staff);
        processes.parentsAnswered(id, response.kind(), response.decision(), response.date(), staff.userId());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/exit")
    @Operation(
            summary =
                    "The student leaves: CONSENT_REVOKED, TRANSFERRED_OUT, GRADUATED, MOVED_AWAY, AGED_OUT or NO_LONGER_ELIGIBLE")
    ResponseEntity<Void> exit(@PathVariable String id, @Valid @RequestBody Exit exit) {
        access.requireVisible(id, CurrentStaff.require());
        processes.exit(id, exit.reason());
        return ResponseEntity.accepted().build();
    }
}
