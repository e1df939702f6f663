package org.supportplans.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.cases.ClockKind;
import org.supportplans.people.District;
import org.supportplans.people.DistrictAccess;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotFoundException;

/**
 * The clocks that are a district's policy, not law, and the counts the district chose: how often a Section 504 plan
 * or an ALP is reviewed (yearly by default), how many days a Section 504 evaluation takes. The district's staff read
 * them; its district administrators set them.
 */
@RestController
@RequestMapping("/api/districts/{districtId}/clock-policies")
@Tag(name = "Deadlines")
class ClockPolicyController {

    private final ClockRules rules;
    private final DistrictClockPolicies policies;
    private final DistrictAccess access;

    ClockPolicyController(ClockRules rules, DistrictClockPolicies policies, DistrictAccess access) {
        this.rules = rules;
        this.policies = policies;
        this.access = access;
    }

    /** A district-policy clock: the count the district's clocks start with, and the rules table's default. */
    record PolicyView(
            String clock,
            String label,
            int count,
            String unit,
            int defaultCount,
            String rule,
            String citation,
            String setBy,
            Instant setAt) {}

    record CountRequest(@NotNull Integer count) {}

    @GetMapping
    @Operation(
            summary = "The clocks that are district policy in this district's state, with the count its clocks start"
                    + " with (the district's, else the rules table's default)")
    List<PolicyView> list(@PathVariable String districtId) {
        District district = access.visible(districtId, CurrentStaff.require());
        Map<ClockKind, DistrictClockPolicies.Policy> chosen = policies.of(district.getId());
        return Arrays.stream(ClockKind.values())
                .map(kind -> rules.ruleFor(district.getState(), kind))
                .filter(ClockRule::isDistrictPolicy)
                .map(rule -> view(district.getId(), rule, chosen.get(rule.kind())))
                .toList();
    }

    @PutMapping(path = "/{clock}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Set the district's count for a clock that is district policy, e.g. {\"count\":2} to review"
                    + " Section 504 plans and ALPs every two years; clocks started from then on count with it."
                    + " 400 for a clock that is law. District administrators")
    PolicyView set(
            @PathVariable String districtId, @PathVariable String clock, @Valid @RequestBody CountRequest request) {
        CurrentStaff staff = CurrentStaff.require();
        District district = access.administered(districtId, staff);
        ClockRule rule = rules.ruleFor(district.getState(), kind(clock));
        DistrictClockPolicies.Policy set = policies.set(district.getId(), rule, request.count(), staff.userId());
        return view(district.getId(), rule, set);
    }

    @DeleteMapping("/{clock}")
    @Operation(summary = "Back to the rules table's default count: 204; 404 when the district had set none")
    ResponseEntity<Void> clear(@PathVariable String districtId, @PathVariable String clock) {
        District district = access.administered(districtId, CurrentStaff.require());
        ClockKind kind = kind(clock);
        if (!policies.clear(district.getId(), kind)) {
            throw new NotFoundException("The district " + district.getId() + " has set no count for the " + kind.id()
                    + " clock; it counts with the default.");
        }
        return ResponseEntity.noContent().build();
    }

    private static ClockKind kind(String clock) {
        return ClockKind.ofId(clock)
                .orElseThrow(() -> new ClockRuleViolation("There is no clock \"" + clock + "\"; the clocks are: "
                        + String.join(
                                ", ",
                                Arrays.stream(ClockKind.values())
                                        .map(ClockKind::id)
                                        .toList())
                        + "."));
    }

    private static PolicyView view(String districtId, ClockRule rule, DistrictClockPolicies.Policy chosen) {
        ClockRule counted = chosen == null ? rule : rule.withDistrictCount(districtId, chosen.count());
        return new PolicyView(
                rule.kind().id(),
                rule.kind().label(),
                counted.count(),
                rule.unit().name(),
                rule.count(),
                counted.counted(),
                counted.citation(),
                chosen == null ? null : chosen.setBy(),
                chosen == null ? null : chosen.setAt());
    }
}
