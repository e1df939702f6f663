package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportplans.deadlines.SchoolYearCalendar.NoSchool;

/** A school year's calendar: which days are school days, which year a day belongs to, what it refuses. */
class SchoolYearCalendarTest {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 8, 17); // a Monday
    static final LocalDate LAST_DAY = LocalDate.of(2027, 5, 27); // a Thursday

    final SchoolYearCalendar calendar = new SchoolYearCalendar(
            "2026-2027",
            FIRST_DAY,
            LAST_DAY,
            List.of(
                    new NoSchool(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 7), "Labor Day"),
                    new NoSchool(LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 1), "Winter break")));

    @Test
    void aWeekdayBetweenTheFirstAndTheLastDayIsASchoolDay() {
        assertThat(calendar.isSchoolDay(FIRST_DAY)).isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 9, 8)))
                .as("the Tuesday after Labor Day")
                .isTrue();
        assertThat(calendar.isSchoolDay(LAST_DAY)).isTrue();
    }

    @Test
    void weekendsAreNoSchoolDays() {
        LocalDate saturday = LocalDate.of(2026, 9, 12);

        assertThat(SchoolYearCalendar.isWeekend(saturday)).isTrue();
        assertThat(SchoolYearCalendar.isWeekend(saturday.plusDays(1))).isTrue();
        assertThat(SchoolYearCalendar.isWeekend(saturday.plusDays(2))).isFalse();
        assertThat(calendar.isSchoolDay(saturday)).isFalse();
        assertThat(calendar.isNoSchoolDay(saturday))
                .as("a weekend is not a holiday of the calendar")
                .isFalse();
    }

    @Test
    void holidaysAndBreaksAreNoSchoolDaysFromTheirFirstToTheirLastDay() {
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 9, 7))).isFalse();
        assertThat(calendar.isNoSchoolDay(LocalDate.of(2026, 9, 7))).isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 12, 18)))
                .as("the Friday before the break")
                .isTrue();
        assertThat(calendar.isNoSchoolDay(LocalDate.of(2026, 12, 21))).isTrue();
        assertThat(calendar.isNoSchoolDay(LocalDate.of(2026, 12, 30))).isTrue();
        assertThat(calendar.isNoSchoolDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2027, 1, 4)))
                .as("the Monday after the break")
                .isTrue();
    }

    @Test
    void summerIsCoveredByTheYearButHasNoSchoolDays() {
        assertThat(calendar.covers(LocalDate.of(2026, 7, 1))).isTrue();
        assertThat(calendar.covers(LocalDate.of(2027, 6, 30))).isTrue();
        assertThat(calendar.covers(LocalDate.of(2026, 6, 30))).isFalse();
        assertThat(calendar.covers(LocalDate.of(2027, 7, 1))).isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 8, 14)))
                .as("the Friday before the first day")
                .isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2027, 5, 28)))
                .as("the Friday after the last day")
                .isFalse();
        assertThat(calendar.coverageStart()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(calendar.coverageEnd()).isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Test
    void aDayBelongsToTheSchoolYearStartingTheJulyBefore() {
        assertThat(SchoolYearCalendar.schoolYearOf(LocalDate.of(2027, 3, 1))).isEqualTo("2026-2027");
        assertThat(SchoolYearCalendar.schoolYearOf(LocalDate.of(2027, 6, 30))).isEqualTo("2026-2027");
        assertThat(SchoolYearCalendar.schoolYearOf(LocalDate.of(2027, 7, 1))).isEqualTo("2027-2028");
        assertThat(SchoolYearCalendar.startYear("2026-2027")).isEqualTo(2026);
    }

    @Test
    void aDistrictFindsTheYearOfADay() {
        SchoolYearCalendar earlier =
                new SchoolYearCalendar("2025-2026", LocalDate.of(2025, 8, 18), LocalDate.of(2026, 5, 28), List.of());
        DistrictCalendar district = new DistrictCalendar("demo-district", List.of(calendar, earlier));

        assertThat(district.years())
                .extracting(SchoolYearCalendar::schoolYear)
                .containsExactly("2025-2026", "2026-2027");
        assertThat(district.yearOf(LocalDate.of(2026, 7, 15))).contains(calendar);
        assertThat(district.yearOf(LocalDate.of(2026, 6, 15))).contains(earlier);
        assertThat(district.yearOf(LocalDate.of(2027, 8, 15))).isEmpty();
    }

    @Test
    void refusesWhatIsNotASchoolYearCalendar() {
        assertRefused("2026/2027", FIRST_DAY, LAST_DAY, List.of());
        assertRefused("2026-2028", FIRST_DAY, LAST_DAY, List.of());
        assertRefused("26-27", FIRST_DAY, LAST_DAY, List.of());
        assertRefused(null, FIRST_DAY, LAST_DAY, List.of());
        assertRefused("2026-2027", LAST_DAY, FIRST_DAY, List.of());
        assertRefused("2026-2027", LocalDate.of(2026, 6, 30), LAST_DAY, List.of());
        assertRefused("2026-2027", FIRST_DAY, LocalDate.of(2027, 7, 1), List.of());
        assertRefused("2025-2026", FIRST_DAY, LAST_DAY, List.of());
        assertRefused(
                "2026-2027",
                FIRST_DAY,
                LAST_DAY,
                List.of(new NoSchool(LocalDate.of(2026, 8, 14), LocalDate.of(2026, 8, 14), "Before the first day")));
        assertRefused(
                "2026-2027",
                FIRST_DAY,
                LAST_DAY,
                List.of(new NoSchool(LocalDate.of(2027, 5, 27), LocalDate.of(2027, 5, 31), "Past the last day")));
        assertThatThrownBy(() -> new NoSchool(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 21), "Backwards"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(String schoolYear, LocalDate first, LocalDate last, List<NoSchool> noSchool) {
        assertThatThrownBy(() -> new SchoolYearCalendar(schoolYear, first, last, noSchool))
                .as("%s %s..%s %s", schoolYear, first, last, noSchool)
                .isInstanceOf(IllegalArgumentException.class);
    }
}
