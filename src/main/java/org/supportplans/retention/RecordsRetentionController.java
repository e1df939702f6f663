package org.supportplans.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.people.DistrictAccess;
import org.supportplans.system.CurrentStaff;

/** How long the district keeps an exited case's records: read by its staff, set by its district administrators. */
@RestController
@RequestMapping("/api/districts/{districtId}/records-retention")
@Tag(name = "Districts")
class RecordsRetentionController {

    private final RecordsRetention retention;
    private final DistrictAccess access;

    RecordsRetentionController(RecordsRetention retention, DistrictAccess access) {
        this.retention = retention;
        this.access = access;
    }

    record RetentionJson(
            @NotNull @Min(RecordsRetention.MIN_YEARS) @Max(RecordsRetention.MAX_YEARS)
            Integer yearsAfterExit) {}

    @GetMapping
    @Operation(summary = "The years the district keeps a case's records after the student exits (34 CFR 300.624)")
    RetentionJson get(@PathVariable String districtId) {
        access.visible(districtId, CurrentStaff.require());
        return new RetentionJson(retention.keptYears(districtId));
    }

    @PutMapping
    @Operation(
            summary = "Set the years the district keeps a case's records after the student exits (3 to 10; the"
                    + " states' rules run 5 to 7); the yearly review lists the cases past them for destruction")
    RetentionJson put(@PathVariable String districtId, @Valid @RequestBody RetentionJson body) {
        access.administered(districtId, CurrentStaff.require());
        return new RetentionJson(retention.setKeptYears(districtId, body.yearsAfterExit()));
    }
}
