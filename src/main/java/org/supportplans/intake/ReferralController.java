package org.supportplans.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.cases.Triage;
import org.supportplans.system.CurrentStaff;

@RestController
@RequestMapping("/api/referrals")
@Tag(name = "Referrals")
class ReferralController {

    private final IntakeService intake;

    ReferralController(IntakeService intake) {
        this.intake = intake;
    }

    /** The case a referral opened ({@code joinedOpenCase} false) or joined. */
    record Created(String caseId, boolean joinedOpenCase) {}

    // produces: an Accept the API cannot answer is refused (406) before the referral is recorded
    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Refer a student: 201 with a new case, or 200 when the student's open case takes the referral")
    ResponseEntity<Created> refer(@Valid @RequestBody ReferralRequest request) {
        Triage.Referred referred = intake.refer(request, CurrentStaff.require());
        URI location = URI.create("/api/cases/" + referred.caseId());
        Created body = new Created(referred.caseId(), !referred.newCase());
        return referred.newCase()
                ? ResponseEntity.created(location).body(body)
                : ResponseEntity.ok().location(location).body(body);
    }
}
