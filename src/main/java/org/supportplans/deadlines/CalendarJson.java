package org.supportplans.deadlines;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A school year's calendar as the API reads and writes it: the first and last day of school and the
 * days without school, a single day as {@code {"date","name"}}, several as {@code {"from","to","name"}}
 * (both days included).
 */
record CalendarJson(
        @NotNull LocalDate firstDay,
        @NotNull LocalDate lastDay,
        @Valid List<@NotNull NoSchoolJson> noSchool) {

    record NoSchoolJson(
            LocalDate date,
            LocalDate from,
            LocalDate to,
            @NotBlank @Size(max = 200) String name) {

        static NoSchoolJson of(SchoolYearCalendar.NoSchool days) {
            return days.from().equals(days.to())
                    ? new NoSchoolJson(days.from(), null, null, days.name())
                    : new NoSchoolJson(null, days.from(), days.to(), days.name());
        }
    }

    static CalendarJson of(SchoolYearCalendar calendar) {
        return new CalendarJson(
                calendar.firstDay(),
                calendar.lastDay(),
                calendar.noSchool().stream().map(NoSchoolJson::of).toList());
    }

    /**
     * The calendar of the school year, checked: each entry a date or a from-to range with a name, all
     * of them between the first and the last day of school, which lie in the school year.
     *
     * @throws CalendarRejected saying what to correct
     */
    SchoolYearCalendar toCalendar(String schoolYear) {
        SchoolCalendarChecks.requireSchoolYear(schoolYear);
        if (lastDay.isBefore(firstDay)) {
            throw new CalendarRejected(
                    "The last day of school (" + lastDay + ") is before the first (" + firstDay + ").");
        }
        SchoolCalendarChecks.requireInYear(schoolYear, firstDay, "The first day of school");
        SchoolCalendarChecks.requireInYear(schoolYear, lastDay, "The last day of school");
        List<SchoolYearCalendar.NoSchool> days = new ArrayList<>();
        List<NoSchoolJson> entries = noSchool == null ? List.of() : noSchool;
        for (int i = 0; i < entries.size(); i++) {
            NoSchoolJson entry = entries.get(i);
            String which = "noSchool[" + i + "] (\"" + entry.name().strip() + "\")";
            LocalDate from;
            LocalDate to;
            if (entry.date() != null && (entry.from() != null || entry.to() != null)) {
                throw new CalendarRejected(which + ": give either a date, or from and to, not both.");
            } else if (entry.date() != null) {
                from = entry.date();
                to = entry.date();
            } else if (entry.from() != null && entry.to() != null) {
                from = entry.from();
                to = entry.to();
            } else {
                throw new CalendarRejected(which + ": give a date, or from and to.");
            }
            if (to.isBefore(from)) {
                throw new CalendarRejected(which + ": from (" + from + ") is after to (" + to + ").");
            }
            if (from.isBefore(firstDay) || to.isAfter(lastDay)) {
                throw new CalendarRejected(which + ": " + (from.equals(to) ? from : from + " to " + to)
                        + " is not between the first (" + firstDay + ") and the last day of school (" + lastDay
                        + ").");
            }
            days.add(new SchoolYearCalendar.NoSchool(from, to, entry.name().strip()));
        }
        return SchoolCalendarChecks.calendar(schoolYear, firstDay, lastDay, days);
    }
}
