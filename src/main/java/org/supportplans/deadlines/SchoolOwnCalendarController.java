package org.supportplans.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.people.DistrictAccess;
import org.supportplans.people.School;
import org.supportplans.people.SchoolRepository;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotFoundException;

/**
 * A school's own calendars (a year-round school): its clocks count on them, and on the district's calendar for the
 * years it keeps none. District administrators load them, as for the district's.
 */
@RestController
@RequestMapping("/api/schools/{schoolId}/calendars")
@Tag(name = "School calendars")
class SchoolOwnCalendarController {

    private final SchoolCalendars calendars;
    private final SchoolRepository schools;
    private final DistrictAccess access;

    SchoolOwnCalendarController(SchoolCalendars calendars, SchoolRepository schools, DistrictAccess access) {
        this.calendars = calendars;
        this.schools = schools;
        this.access = access;
    }

    @GetMapping
    @Operation(
            summary = "The school years for which the school keeps its own calendar (none: it follows the district's)")
    List<CalendarController.YearSummary> list(@PathVariable String schoolId) {
        School school = school(schoolId);
        access.visible(school.getDistrict().getId(), CurrentStaff.require());
        return calendars.ownCalendarsOf(schoolId).stream()
                .map(CalendarController.YearSummary::of)
                .toList();
    }

    @PutMapping(
            path = "/{schoolYear}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Load or replace the school's own calendar of a school year (the district's JSON shape): 201"
                    + " when new, 200 when replaced; the school's clocks count on it from then on")
    ResponseEntity<CalendarJson> put(
            @PathVariable String schoolId, @PathVariable String schoolYear, @Valid @RequestBody CalendarJson body) {
        School school = school(schoolId);
        String districtId = school.getDistrict().getId();
        access.administered(districtId, CurrentStaff.require());
        SchoolCalendarChecks.requireSchoolYear(schoolYear);
        SchoolYearCalendar calendar = body.toCalendar(schoolYear);
        boolean created = calendars.putForSchool(districtId, schoolId, calendar);
        CalendarJson loaded = CalendarJson.of(calendar);
        return created
                ? ResponseEntity.created(URI.create("/api/schools/" + schoolId + "/calendars/" + schoolYear))
                        .body(loaded)
                : ResponseEntity.ok(loaded);
    }

    @GetMapping("/{schoolYear}")
    @Operation(
            summary = "The school's own calendar of a school year, in the shape the PUT takes; 404 when it keeps none")
    CalendarJson get(@PathVariable String schoolId, @PathVariable String schoolYear) {
        School school = school(schoolId);
        access.visible(school.getDistrict().getId(), CurrentStaff.require());
        SchoolCalendarChecks.requireSchoolYear(schoolYear);
        return calendars.ownCalendarsOf(schoolId).stream()
                .filter(year -> year.schoolYear().equals(schoolYear))
                .findFirst()
                .map(CalendarJson::of)
                .orElseThrow(() -> new NotFoundException("The school " + schoolId + " keeps no calendar of its own for "
                        + schoolYear + "; it follows the district's."));
    }

    @PutMapping(
            path = "/{schoolYear}",
            consumes = CalendarController.TEXT_CALENDAR,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Load or replace the school's own calendar of a school year from an iCalendar file"
                    + " (text/calendar), read as the district's is: 201 when new, 200 when replaced",
            description = "All-day events are days without school (DTEND exclusive; recurring ones expanded);"
                    + " events named like \"First day of school\" / \"Last day of school\" set the first and last"
                    + " day, else give them as firstDay and lastDay. Events with a time of day, early releases"
                    + " and late starts, weekend-only events and days outside the first and last day are left"
                    + " out and listed as ignored.")
    ResponseEntity<CalendarController.Imported> importFile(
            @PathVariable String schoolId,
            @PathVariable String schoolYear,
            @RequestBody byte[] file,
            @Parameter(description = "the first day of school, when the file has no \"First day of school\" event")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate firstDay,
            @Parameter(description = "the last day of school, when the file has no \"Last day of school\" event")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate lastDay) {
        School school = school(schoolId);
        String districtId = school.getDistrict().getId();
        access.administered(districtId, CurrentStaff.require());
        SchoolCalendarChecks.requireSchoolYear(schoolYear);
        ICalendarImport.Imported imported = CalendarController.readFile(schoolYear, file, firstDay, lastDay);
        SchoolYearCalendar calendar = imported.calendar();
        boolean created = calendars.putForSchool(districtId, schoolId, calendar);
        CalendarController.Imported body = new CalendarController.Imported(
                calendar.firstDay(),
                calendar.lastDay(),
                CalendarJson.of(calendar).noSchool(),
                imported.ignored());
        return created
                ? ResponseEntity.created(URI.create("/api/schools/" + schoolId + "/calendars/" + schoolYear))
                        .body(body)
                : ResponseEntity.ok(body);
    }

    private School school(String schoolId) {
        return schools.findById(schoolId).orElseThrow(() -> new NotFoundException("No school " + schoolId + "."));
    }
}
