package org.supportplans.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.people.DistrictAccess;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotFoundException;

/**
 * The school calendars of a district: its staff read them, its district administrators (and the
 * administrators) load them, as JSON or as the iCalendar file the district publishes.
 */
@RestController
@RequestMapping("/api/districts/{districtId}/calendars")
@Tag(name = "School calendars")
class CalendarController {

    static final String TEXT_CALENDAR = "text/calendar";
    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

    private final SchoolCalendars calendars;
    private final DistrictAccess access;

    CalendarController(SchoolCalendars calendars, DistrictAccess access) {
        this.calendars = calendars;
        this.access = access;
    }

    /** A loaded school year, in the list of a district's calendars. */
    record YearSummary(String schoolYear, LocalDate firstDay, LocalDate lastDay, int schoolDays) {
        static YearSummary of(SchoolYearCalendar calendar) {
            int schoolDays = (int) calendar.firstDay()
                    .datesUntil(calendar.lastDay().plusDays(1))
                    .filter(calendar::isSchoolDay)
                    .count();
            return new YearSummary(calendar.schoolYear(), calendar.firstDay(), calendar.lastDay(), schoolDays);
        }
    }

    /** What an iCalendar import loaded, and the events of the school year it left out with the reason. */
    record Imported(
            LocalDate firstDay,
            LocalDate lastDay,
            List<CalendarJson.NoSchoolJson> noSchool,
            List<ICalendarImport.Ignored> ignored) {}

    @GetMapping
    @Operation(summary = "The school years loaded for the district, with their first and last day and school days")
    List<YearSummary> list(@PathVariable String districtId) {
        access.visible(districtId, CurrentStaff.require());
        return calendars.calendarOf(districtId).years().stream()
                .map(YearSummary::of)
                .toList();
    }

    @GetMapping("/{schoolYear}")
    @Operation(
            summary = "The district's calendar of a school year (e.g. 2026-2027), in the shape the PUT takes;"
                    + " 404 when not loaded")
    CalendarJson get(@PathVariable String districtId, @PathVariable String schoolYear) {
        access.visible(districtId, CurrentStaff.require());
        SchoolCalendarChecks.requireSchoolYear(schoolYear);
        return calendars
                .find(districtId, schoolYear)
                .map(CalendarJson::of)
                .orElseThrow(() -> new NotFoundException(
                        "No calendar of the school year " + schoolYear + " is loaded for " + districtId + "."));
    }

    @PutMapping(
            path = "/{schoolYear}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Load or replace the district's calendar of a school year, as JSON or as an iCalendar file"
                    + " (text/calendar): 201 when new, 200 when replaced",
            description = "JSON: days without school as {\"date\",\"name\"} for one day, {\"from\",\"to\",\"name\"}"
                    + " for several (both included), all between firstDay and lastDay. text/calendar: all-day"
                    + " events are days without school (DTEND exclusive; recurring ones expanded); events named"
                    + " like \"First day of school\" / \"Last day of school\" set the first and last day, else give"
                    + " them as firstDay and lastDay; events with a time of day, early releases and late starts,"
                    + " weekend-only events and days outside the first and last day are left out and listed as"
                    + " ignored. Clocks counting school days move their due dates in the same transaction.")
    ResponseEntity<CalendarJson> put(
            @PathVariable String districtId, @PathVariable String schoolYear, @Valid @RequestBody CalendarJson body) {
        access.administered(districtId, CurrentStaff.require());
        return store(districtId, body.toCalendar(schoolYear), CalendarJson::of);
    }

    @PutMapping(path = "/{schoolYear}", consumes = TEXT_CALENDAR, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Load or replace the district's calendar of a school year from an iCalendar file"
                    + " (text/calendar): 201 when new, 200 when replaced",
            description = "All-day events are days without school (DTEND exclusive; recurring ones expanded);"
                    + " events named like \"First day of school\" / \"Last day of school\" set the first and last"
                    + " day, else give them as firstDay and lastDay. Events with a time of day, early releases"
                    + " and late starts, weekend-only events and days outside the first and last day are left"
                    + " out and listed as ignored.")
    ResponseEntity<Imported> importFile(
            @PathVariable String districtId,
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
        access.administered(districtId, CurrentStaff.require());
        ICalendarImport.Imported imported = readFile(schoolYear, file, firstDay, lastDay);
        return store(
                districtId,
                imported.calendar(),
                stored -> new Imported(
                        stored.firstDay(),
                        stored.lastDay(),
                        CalendarJson.of(stored).noSchool(),
                        imported.ignored()));
    }

    /** Reads an uploaded iCalendar file of a school year (2 MiB at most), for a district or a school. */
    static ICalendarImport.Imported readFile(String schoolYear, byte[] file, LocalDate firstDay, LocalDate lastDay) {
        if (file.length > MAX_FILE_BYTES) {
            throw new CalendarRejected("The file is larger than 2 MiB: export one or two school years only.");
        }
        return ICalendarImport.read(schoolYear, new ByteArrayInputStream(file), firstDay, lastDay);
    }

    private <T> ResponseEntity<T> store(
            String districtId, SchoolYearCalendar calendar, Function<SchoolYearCalendar, T> view) {
        boolean isNew = calendars.find(districtId, calendar.schoolYear()).isEmpty();
        calendars.put(districtId, calendar);
        T body = view.apply(calendars.find(districtId, calendar.schoolYear()).orElseThrow());
        return isNew
                ? ResponseEntity.created(
                                URI.create("/api/districts/" + districtId + "/calendars/" + calendar.schoolYear()))
                        .body(body)
                : ResponseEntity.ok(body);
    }

    /** Two requests loading the same year at the same moment: the second is refused, not merged. */
    @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class})
    ProblemDetail changedMeanwhile(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "The calendar was changed by another request at the same moment. Reload it and try again.");
        problem.setTitle("Changed meanwhile");
        return problem;
    }
}
