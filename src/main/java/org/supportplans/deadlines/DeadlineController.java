package org.supportplans.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.supportplans.audit.AuditTrail;
import org.supportplans.cases.ClockKind;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.InvalidFilter;

/**
 * The coordinator's view of what is due: {@code GET /api/deadlines} (JSON, a page at a time) and
 * {@code GET /api/deadlines.ics} (the same clocks, with the planned meetings, for a calendar app). Both
 * paths are mapped whole: Spring no longer reads {@code .ics} as a suffix of {@code /api/deadlines}.
 */
@RestController
@Tag(name = "Deadlines")
class DeadlineController {

    static final String CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

    private final DeadlineList deadlines;
    private final DeadlineCalendarFeed feed;

    DeadlineController(DeadlineList deadlines, DeadlineCalendarFeed feed) {
        this.deadlines = deadlines;
        this.feed = feed;
    }

    @GetMapping("/api/deadlines")
    @Operation(
            summary = "The clocks of the caller's cases, soonest due first (unknown due dates last), a page at a time",
            description = "Each row: the case, the student, the school, the clock and its rule, the due date that"
                    + " counts (an extension, else the counted date) or why it is not known, the status (a running"
                    + " clock past its due date is OVERDUE), the days left as the rule counts them (school days"
                    + " for a school-day rule; negative when overdue; null when not known, a calendar is missing"
                    + " or the clock is paused or ended), and the open tasks of the case with their Tasklist link.")
    DeadlineView list(
            @Parameter(description = "a school id") @RequestParam(required = false) String school,
            @Parameter(description = "a clock, e.g. initial-evaluation") @RequestParam(required = false) String clock,
            @Parameter(description = "statuses (repeat or comma-separate); default RUNNING, PAUSED, OVERDUE")
                    @RequestParam(required = false)
                    List<ClockStatus> status,
            @Parameter(description = "a user id: cases whose next step that user holds or is offered, at their schools")
                    @RequestParam(required = false)
                    String assignee,
            @Parameter(description = "due within so many days from today (overdue included)")
                    @RequestParam(required = false)
                    @Min(0)
                    Integer dueWithinDays,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        DeadlineView view = deadlines.list(
                filter(school, clock, status, assignee, dueWithinDays), page, size, CurrentStaff.require());
        AuditTrail.shown(
                view.content().size(),
                view.content().stream().map(DeadlineView.Row::caseId).toList());
        return view;
    }

    @GetMapping("/api/deadlines.ics")
    @Operation(
            summary = "The same clocks as an iCalendar feed, with the planned plan meetings",
            description = "All-day events: each clock with a known due date (default: the open clocks of the"
                    + " caller's schools) and each plan meeting scheduled and not yet held. Events show the"
                    + " student's local id and initials, never the name. Subscribe with HTTP Basic.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string"))))
    void calendar(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String clock,
            @RequestParam(required = false) List<ClockStatus> status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) @Min(0) Integer dueWithinDays,
            HttpServletResponse response)
            throws IOException {
        CurrentStaff staff = CurrentStaff.require();
        DeadlineList.Filter filter = filter(school, clock, status, assignee, dueWithinDays);
        List<DeadlineList.ClockRow> clocks = deadlines.withDueDates(filter, staff);
        List<DeadlineList.MeetingRow> meetings = deadlines.plannedMeetings(filter, staff);
        AuditTrail.shown(
                clocks.size(),
                clocks.stream().map(DeadlineList.ClockRow::caseId).toList());
        AuditTrail.shown(
                meetings.size(),
                meetings.stream().map(DeadlineList.MeetingRow::caseId).toList());
        response.setContentType(CALENDAR_CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"support-plans-deadlines.ics\"");
        feed.write(
                clocks,
                meetings,
                deadlines.todayByDistrict(),
                ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(),
                response.getWriter());
    }

    private static DeadlineList.Filter filter(
            String school, String clock, List<ClockStatus> status, String assignee, Integer dueWithinDays) {
        ClockKind kind = clock == null || clock.isBlank()
                ? null
                : ClockKind.ofId(clock.strip())
                        .orElseThrow(() -> new InvalidFilter("There is no clock \"" + clock
                                + "\"; the clocks are: "
                                + Arrays.stream(ClockKind.values())
                                        .map(ClockKind::id)
                                        .collect(Collectors.joining(", "))
                                + "."));
        return new DeadlineList.Filter(
                blankToNull(school),
                kind,
                status == null ? null : status.stream().filter(Objects::nonNull).collect(Collectors.toSet()),
                blankToNull(assignee),
                dueWithinDays);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
