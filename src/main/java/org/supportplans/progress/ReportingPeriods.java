package org.supportplans.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.deadlines.SchoolCalendars;
import org.supportplans.people.DistrictAccess;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.RuleViolation;

/**
 * The district's reporting periods of a school year, each named and ending on a school day of its calendar (e.g.
 * "Quarter 1" ending 16 October), and how many school days after a period's end the progress reports are due.
 */
@Service
class ReportingPeriods {

    /** Without a district rule: reports due 10 school days after the period's end. */
    static final int DEFAULT_DUE_SCHOOL_DAYS = 10;

    private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

    record Period(String name, LocalDate endsOn) {}

    record Periods(String schoolYear, int reportDueSchoolDays, List<Period> periods) {}

    private final JdbcTemplate jdbc;
    private final SchoolCalendars calendars;

    ReportingPeriods(JdbcTemplate jdbc, SchoolCalendars calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    int reportDueSchoolDays(String districtId) {
        return jdbc
                .queryForList(
                        "select report_due_school_days from progress_reporting_rule where district_id = ?",
                        Integer.class,
                        districtId)
                .stream()
                .findFirst()
                .orElse(DEFAULT_DUE_SCHOOL_DAYS);
    }

    /** The periods of the district that ended before {@code today}, in the last school year or this one. */
    List<Period> endedBy(String districtId, LocalDate today) {
        return jdbc.query(
                "select name, ends_on from reporting_period where district_id = ? and ends_on < ? and ends_on >= ?"
                        + " order by ends_on",
                (rs, i) -> new Period(rs.getString(1), rs.getDate(2).toLocalDate()),
                districtId,
                Date.valueOf(today),
                Date.valueOf(today.minusYears(1)));
    }

    @Transactional(readOnly = true)
    public Periods of(String districtId, String schoolYear) {
        return new Periods(
                schoolYear,
                reportDueSchoolDays(districtId),
                jdbc.query(
                        "select name, ends_on from reporting_period where district_id = ? and school_year = ?"
                                + " order by position",
                        (rs, i) -> new Period(rs.getString(1), rs.getDate(2).toLocalDate()),
                        districtId,
                        schoolYear));
    }

    @Transactional
    public Periods put(String districtId, String schoolYear, int dueSchoolDays, List<Period> periods) {
        Matcher year = SCHOOL_YEAR.matcher(schoolYear);
        if (!year.matches() || Integer.parseInt(year.group(2)) != Integer.parseInt(year.group(1)) + 1) {
            throw new RuleViolation("schoolYear \"" + schoolYear + "\": two years in a row, e.g. 2026-2027.");
        }
        LocalDate first = LocalDate.of(Integer.parseInt(year.group(1)), 7, 1);
        LocalDate last = LocalDate.of(Integer.parseInt(year.group(2)), 6, 30);
        var calendar = calendars.calendarOf(districtId);
        LocalDate previous = null;
        for (Period period : periods) {
            if (period.endsOn().isBefore(first) || period.endsOn().isAfter(last)) {
                throw new RuleViolation(period.name() + ": ends on " + period.endsOn() + ", outside the school year "
                        + schoolYear + ".");
            }
            if (previous != null && !period.endsOn().isAfter(previous)) {
                throw new RuleViolation(period.name() + ": ends on " + period.endsOn()
                        + ", not after the period before; list the periods in order.");
            }
            Optional<Integer> schoolDay =
                    calendar.schoolDaysBetween(period.endsOn().minusDays(1), period.endsOn());
            if (schoolDay.isPresent() && schoolDay.get() == 0) {
                throw new RuleViolation(period.name() + ": ends on " + period.endsOn()
                        + ", not a school day of the district's calendar.");
            }
            previous = period.endsOn();
        }
        jdbc.update("delete from reporting_period where district_id = ? and school_year = ?", districtId, schoolYear);
        for (int i = 0; i < periods.size(); i++) {
            jdbc.update(
                    "insert into reporting_period (district_id, school_year, position, name, ends_on)"
                            + " values (?, ?, ?, ?, ?)",
                    districtId,
                    schoolYear,
                    i + 1,
                    periods.get(i).name().strip(),
                    Date.valueOf(periods.get(i).endsOn()));
        }
        if (jdbc.update(
                        "update progress_reporting_rule set report_due_school_days = ? where district_id = ?",
                        dueSchoolDays,
                        districtId)
                == 0) {
            jdbc.update(
                    "insert into progress_reporting_rule (district_id, report_due_school_days) values (?, ?)",
                    districtId,
                    dueSchoolDays);
        }
        return of(districtId, schoolYear);
    }

    /** The district's reporting periods: read by its staff, set by its district administrators. */
    @RestController
    @RequestMapping("/api/districts/{districtId}/reporting-periods/{schoolYear}")
    @Tag(name = "Between reviews")
    static class Controller {

        private final ReportingPeriods periods;
        private final DistrictAccess access;

        Controller(ReportingPeriods periods, DistrictAccess access) {
            this.periods = periods;
            this.access = access;
        }

        record PeriodJson(
                @NotBlank @Size(max = 60) String name,
                @NotNull LocalDate endsOn) {}

        record PeriodsJson(
                @NotNull @Min(0) @Max(30) Integer reportDueSchoolDays,
                @NotNull @Size(min = 1, max = 12) List<@Valid PeriodJson> periods) {}

        @GetMapping
        @Operation(summary = "The district's reporting periods of a school year and when progress reports are due")
        Periods get(@PathVariable String districtId, @PathVariable String schoolYear) {
            access.visible(districtId, CurrentStaff.require());
            return periods.of(districtId, schoolYear);
        }

        @PutMapping
        @Operation(
                summary = "Set the reporting periods of a school year (each named, ending on a school day) and the"
                        + " school days after a period's end by which the progress reports are due")
        Periods put(
                @PathVariable String districtId,
                @PathVariable String schoolYear,
                @Valid @RequestBody PeriodsJson body) {
            access.administered(districtId, CurrentStaff.require());
            return periods.put(
                    districtId,
                    schoolYear,
                    body.reportDueSchoolDays(),
                    body.periods().stream()
                            .map(p -> new Period(p.name(), p.endsOn()))
                            .toList());
        }
    }
}
