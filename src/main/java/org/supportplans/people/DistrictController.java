package org.supportplans.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.system.CurrentStaff;

/** Districts and their schools: administrators create districts, district administrators their schools. */
@RestController
@RequestMapping("/api/districts")
@Tag(name = "Districts")
class DistrictController {

    static final String ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String ID_MESSAGE = "lower-case letters and digits in words joined by '-', e.g. lincoln-elementary";

    private final Districts districts;

    DistrictController(Districts districts) {
        this.districts = districts;
    }

    record NewDistrict(
            @NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE)
            String id,

            @NotBlank @Size(max = 200) String name,

            @NotNull
            @Pattern(regexp = UsStates.PATTERN, message = "the two-letter code of a US state or territory, e.g. CO")
            String state,

            @NotNull @Size(max = 64) @IanaTimeZone String timeZone) {}

    record NewSchool(
            @NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE)
            String id,

            @NotBlank @Size(max = 200) String name) {}

    /** Blank means none, in both. */
    static final String PHONE = "\\s*|[0-9+()./ x-]{7,40}";

    static final String WEB_ADDRESS = "\\s*|https?://[^\\s]+";

    /**
     * Who the district's families contact, as every document prints it; each part optional, blank means none.
     * An office needs a phone or an e-mail address to be printed.
     */
    record FamilyContactBody(
            @Size(max = 200) String office,

            @Size(max = 40) @Pattern(regexp = PHONE, message = "digits, spaces and + ( ) . - /, e.g. (303) 555-0142")
            String phone,

            @Size(max = 200) @Email String email,

            @Size(max = 500) @Pattern(regexp = WEB_ADDRESS, message = "a web address starting with https://")
            String safeguardsUrl,

            @Size(max = 200) String parentCenterName,

            @Size(max = 40) @Pattern(regexp = PHONE, message = "digits, spaces and + ( ) . - /, e.g. (303) 555-0142")
            String parentCenterPhone,

            @Size(max = 500) @Pattern(regexp = WEB_ADDRESS, message = "a web address starting with https://")
            String parentCenterUrl) {

        FamilyContact toContact() {
            return new FamilyContact(
                    blankToNull(office),
                    blankToNull(phone),
                    blankToNull(email),
                    blankToNull(safeguardsUrl),
                    blankToNull(parentCenterName),
                    blankToNull(parentCenterPhone),
                    blankToNull(parentCenterUrl));
        }

        static FamilyContactBody of(FamilyContact contact) {
            return new FamilyContactBody(
                    contact.office(),
                    contact.phone(),
                    contact.email(),
                    contact.safeguardsUrl(),
                    contact.parentCenterName(),
                    contact.parentCenterPhone(),
                    contact.parentCenterUrl());
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    record SchoolView(String id, String name, String districtId) {
        static SchoolView of(School school) {
            return new SchoolView(
                    school.getId(), school.getName(), school.getDistrict().getId());
        }
    }

    record DistrictView(String id, String name, String state, String timeZone, List<SchoolView> schools) {
        static DistrictView of(District district, List<School> schools) {
            return new DistrictView(
                    district.getId(),
                    district.getName(),
                    district.getState(),
                    district.getTimeZone().getId(),
                    schools.stream().map(SchoolView::of).toList());
        }
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a district (administrators only): 201, or 409 when the id is taken")
    ResponseEntity<DistrictView> create(@Valid @RequestBody NewDistrict request) {
        District district = districts.create(
                request.id(),
                request.name().strip(),
                request.state(),
                ZoneId.of(request.timeZone()),
                CurrentStaff.require());
        return ResponseEntity.created(URI.create("/api/districts/" + district.getId()))
                .body(DistrictView.of(district, List.of()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A district and its schools, for its staff and the administrators")
    DistrictView get(@PathVariable String id) {
        return districts.read(id, CurrentStaff.require());
    }

    @PostMapping(path = "/{id}/schools", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Add a school to a district (its district administrators and the administrators):"
                    + " 201, or 409 when the school id is taken")
    ResponseEntity<SchoolView> addSchool(@PathVariable String id, @Valid @RequestBody NewSchool request) {
        School school = districts.addSchool(id, request.id(), request.name().strip(), CurrentStaff.require());
        return ResponseEntity.created(URI.create("/api/districts/" + id + "/schools/" + school.getId()))
                .body(SchoolView.of(school));
    }

    @GetMapping("/{id}/schools/{schoolId}")
    @Operation(summary = "A school of a district")
    SchoolView school(@PathVariable String id, @PathVariable String schoolId) {
        return districts.readSchool(id, schoolId, CurrentStaff.require());
    }

    @GetMapping("/{id}/family-contact")
    @Operation(summary = "Who the district's families contact, as its documents print it (its staff)")
    FamilyContactBody familyContact(@PathVariable String id) {
        return FamilyContactBody.of(districts.familyContact(id, CurrentStaff.require()));
    }

    @PutMapping("/{id}/family-contact")
    @Operation(
            summary = "Set who the district's families contact (its district administrators and the administrators);"
                    + " documents made from then on print it")
    FamilyContactBody setFamilyContact(@PathVariable String id, @Valid @RequestBody FamilyContactBody request) {
        return FamilyContactBody.of(districts.setFamilyContact(id, request.toContact(), CurrentStaff.require()));
    }

    /** Two requests creating the same id at the same moment: the primary key refuses the second. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail createdMeanwhile(DataIntegrityViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The id was taken at the same moment by another request.");
        problem.setTitle("Already exists");
        return problem;
    }
}
