package org.supportplans.deadlines;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The school calendars a district has loaded, one per school year, and the district's state, whose holidays are no
 * business days (34 CFR 300.11(b)); a null state knows the federal holidays only.
 */
public record DistrictCalendar(String districtId, String state, List<SchoolYearCalendar> years) {

    public DistrictCalendar {
        years = years.stream()
                .sorted(Comparator.comparing(SchoolYearCalendar::firstDay))
                .toList();
    }

    /** The calendars of a district whose state's holidays are not needed (school-day and calendar-day rules). */
    public DistrictCalendar(String districtId, List<SchoolYearCalendar> years) {
        this(districtId, null, years);
    }

    /** Whether the day is a business day (34 CFR 300.11(b)): a weekday, not a federal or a state holiday. */
    public boolean isBusinessDay(LocalDate day) {
        return StateHolidays.isBusinessDay(state, day);
    }

    /**
     * The school days after {@code from} up to and including {@code to}; empty when a school year
     * between them is not loaded.
     */
    public Optional<Integer> schoolDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            Optional<SchoolYearCalendar> year = yearOf(day);
            if (year.isEmpty()) {
                return Optional.empty();
            }
            if (year.get().isSchoolDay(day)) {
                days++;
            }
        }
        return Optional.of(days);
    }

    /** The calendar of the school year the day belongs to, if loaded. */
    public Optional<SchoolYearCalendar> yearOf(LocalDate day) {
        return years.stream().filter(year -> year.covers(day)).findFirst();
    }
}
