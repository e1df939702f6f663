package org.supportplans.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.supportplans.people.DistrictAccess;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.RuleViolation;

/**
 * A district's roster from its student information system: {@code POST /api/districts/{id}/roster} with a OneRoster
 * 1.2 CSV zip (bulk or delta), for the district's administrators; and the mapping of OneRoster roles and the
 * district's job titles to our roles.
 */
@RestController
@RequestMapping("/api/districts/{id}/roster")
@Tag(name = "Districts")
class RosterController {

    private final RosterImport rosters;
    private final RoleMappings mappings;
    private final DistrictAccess districts;

    RosterController(RosterImport rosters, RoleMappings mappings, DistrictAccess districts) {
        this.rosters = rosters;
        this.mappings = mappings;
        this.districts = districts;
    }

    @PostMapping(
            consumes = {"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import the district's OneRoster 1.2 CSV zip (bulk or delta); district administrators."
                    + " 200 with what was added, changed and retired; 400 with every row in error, nothing changed")
    RosterImport.Summary importZip(@PathVariable String id, @RequestBody byte[] zip) {
        return rosters.importZip(id, zip, CurrentStaff.require());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The same, as a form upload (field \"file\")")
    RosterImport.Summary importUpload(@PathVariable String id, @RequestPart("file") MultipartFile file)
            throws IOException {
        return rosters.importZip(id, file.getBytes(), CurrentStaff.require());
    }

    @GetMapping("/role-mapping")
    @Operation(summary = "Which of our roles each OneRoster role and job title (metadata.title) gives")
    List<RoleMapping.Entry> roleMapping(@PathVariable String id) {
        districts.visible(id, CurrentStaff.require());
        return mappings.of(id).entries();
    }

    @PutMapping("/role-mapping")
    @Operation(
            summary = "Set the district's own rows over the defaults (district administrators): each"
                    + " {source: ROLE|TITLE, value, role: one of our roles or null for none}")
    List<RoleMapping.Entry> setRoleMapping(@PathVariable String id, @RequestBody List<RoleMapping.Entry> entries) {
        districts.administered(id, CurrentStaff.require());
        if (entries == null) {
            throw new RuleViolation("Send a list of rows.");
        }
        mappings.replace(id, entries);
        return mappings.of(id).entries();
    }

    /** 400 with every problem of the file: {@code errors: [{file, line, message}]}. */
    @ExceptionHandler(RosterRejected.class)
    ProblemDetail rejected(RosterRejected rejected) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, rejected.getMessage());
        problem.setTitle("Roster not imported");
        problem.setProperty("errors", rejected.problems());
        return problem;
    }
}
