package org.supportplans.deadlines;

import java.time.LocalDate;
import java.util.List;

/** A district's school calendar made in a test, for the tests of other modules that count school days. */
public final class TestCalendars {

    private TestCalendars() {}

    /** One school year, with its days without school (each a name and a range). */
    public static DistrictCalendar of(
            String districtId, String schoolYear, LocalDate firstDay, LocalDate lastDay, List<LocalDate[]> noSchool) {
        List<SchoolYearCalendar.NoSchool> days = noSchool.stream()
                .map(range -> new SchoolYearCalendar.NoSchool(range[0], range[1], "no school"))
                .toList();
        return new DistrictCalendar(districtId, List.of(new SchoolYearCalendar(schoolYear, firstDay, lastDay, days)));
    }
}
