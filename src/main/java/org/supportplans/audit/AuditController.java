package org.supportplans.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.audit.AuditEvent.Interface;
import org.supportplans.people.Role;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.InvalidFilter;
import org.supportplans.system.NotAllowedException;

/** {@code GET /api/audit}: who read or changed which case, for district administrators and administrators. */
@RestController
@Tag(name = "Audit log")
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/api/audit")
    @Operation(
            summary = "The audit log, newest first: who read or changed which case, when, how, and the outcome",
            description = "District administrators see the events of the cases of their district's schools;"
                    + " administrators see every event. Reading the audit log is itself recorded.")
    AuditLog.Page list(
            @Parameter(description = "a case id") @RequestParam(required = false) String caseId,
            @Parameter(description = "a user id") @RequestParam(required = false) String user,
            @Parameter(description = "from this day (YYYY-MM-DD, in the district's time zone) or instant (ISO 8601)")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "to this day (included) or instant (excluded)") @RequestParam(required = false)
                    String to,
            @Parameter(description = "API, ENGINE_REST, TASKLIST, COCKPIT, ADMIN or WEBAPP")
                    @RequestParam(name = "interface", required = false)
                    String via,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        CurrentStaff staff = CurrentStaff.require();
        boolean admin = staff.isMemberOf(Groups.CAMUNDA_ADMIN);
        if (!admin && !staff.isMemberOf(Role.DISTRICT_ADMIN.groupId())) {
            throw new NotAllowedException("Only district administrators and administrators read the audit log.");
        }
        ZoneId zone = auditLog.timeZonesOf(staff.userId()).stream()
                .findFirst()
                .map(ZoneId::of)
                .orElse(ZoneOffset.UTC);
        Instant fromInstant = instant("from", from, zone, false);
        Instant toInstant = instant("to", to, zone, true);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw new InvalidFilter("from (" + from + ") must come before to (" + to + ").");
        }
        Set<String> districts = admin ? null : auditLog.districtsOf(staff.userId());
        AuditLog.Page result = auditLog.search(new AuditLog.Query(
                blankToNull(caseId), blankToNull(user), fromInstant, toInstant, via(via), districts, page, size));
        AuditTrail.shown(result.content().size(), caseId == null || caseId.isBlank() ? List.of() : List.of(caseId));
        return result;
    }

    private static Interface via(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Interface.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidFilter("There is no interface \"" + value + "\"; the interfaces are: "
                    + Arrays.stream(Interface.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    /** A day (the whole day, in the zone) or an instant with its offset. */
    private static Instant instant(String name, String value, ZoneId zone, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidFilter("The value of " + name + " (" + value
                    + ") is neither a date (YYYY-MM-DD) nor an instant (e.g. 2026-11-29T08:00:00Z).");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
