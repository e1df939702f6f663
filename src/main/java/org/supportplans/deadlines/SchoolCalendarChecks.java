package org.supportplans.deadlines;

import java.time.LocalDate;
import java.util.List;

/** The checks of a calendar given to the API, failing with a {@link CalendarRejected} a person can act on. */
final class SchoolCalendarChecks {

    private SchoolCalendarChecks() {}

    /** The first calendar year of the school year, e.g. 2026 for {@code 2026-2027}. */
    static int requireSchoolYear(String schoolYear) {
        try {
            return SchoolYearCalendar.startYear(schoolYear);
        } catch (IllegalArgumentException e) {
            throw new CalendarRejected("\"" + schoolYear + "\" is not a school year: " + e.getMessage());
        }
    }

    static void requireInYear(String schoolYear, LocalDate day, String what) {
        int start = requireSchoolYear(schoolYear);
        if (day.isBefore(LocalDate.of(start, 7, 1)) || day.isAfter(LocalDate.of(start + 1, 6, 30))) {
            throw new CalendarRejected(what + " (" + day + ") is not in the school year " + schoolYear
                    + ", which runs from " + start + "-07-01 to " + (start + 1) + "-06-30.");
        }
    }

    /** The calendar, with the domain's own checks turned into a rejection. */
    static SchoolYearCalendar calendar(
            String schoolYear, LocalDate firstDay, LocalDate lastDay, List<SchoolYearCalendar.NoSchool> noSchool) {
        try {
            return new SchoolYearCalendar(schoolYear, firstDay, lastDay, noSchool);
        } catch (IllegalArgumentException e) {
            throw new CalendarRejected(e.getMessage());
        }
    }
}
