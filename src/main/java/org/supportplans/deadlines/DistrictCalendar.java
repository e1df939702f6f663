package org.supportplans.deadlines;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The school calendars a district has loaded, one per school year. */
public record DistrictCalendar(String districtId, List<SchoolYearCalendar> years) {

    public DistrictCalendar {
        years = years.stream()
                .sorted(Comparator.comparing(SchoolYearCalendar::firstDay))
                .toList();
    }

    /** The calendar of the school year the day belongs to, if loaded. */
    public Optional<SchoolYearCalendar> yearOf(LocalDate day) {
        return years.stream().filter(year -> year.covers(day)).findFirst();
    }
}
