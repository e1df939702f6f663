package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportplans.deadlines.CalendarJson.NoSchoolJson;
import org.supportplans.deadlines.SchoolYearCalendar.NoSchool;

/** The API's calendar shape: a day as date, several days as from-to, and what it refuses with which message. */
class CalendarJsonTest {

    static final LocalDate FIRST = LocalDate.parse("2026-08-17");
    static final LocalDate LAST = LocalDate.parse("2027-05-27");

    @Test
    void aDateIsOneDayAndFromToIsSeveralAndTheyComeBackAsGiven() {
        CalendarJson json = new CalendarJson(
                FIRST,
                LAST,
                List.of(
                        day("2026-09-07", "Labor Day"),
                        range("2026-12-21", "2027-01-01", "Winter break"),
                        range("2027-01-18", "2027-01-18", "MLK Day")));

        SchoolYearCalendar calendar = json.toCalendar("2026-2027");

        assertThat(calendar.noSchool())
                .containsExactly(
                        new NoSchool(date("2026-09-07"), date("2026-09-07"), "Labor Day"),
                        new NoSchool(date("2026-12-21"), date("2027-01-01"), "Winter break"),
                        new NoSchool(date("2027-01-18"), date("2027-01-18"), "MLK Day"));
        assertThat(CalendarJson.of(calendar).noSchool())
                .as("a one-day range is written as a date")
                .containsExactly(
                        day("2026-09-07", "Labor Day"),
                        range("2026-12-21", "2027-01-01", "Winter break"),
                        day("2027-01-18", "MLK Day"));
    }

    @Test
    void noListOfDaysWithoutSchoolIsAnEmptyOne() {
        assertThat(new CalendarJson(FIRST, LAST, null).toCalendar("2026-2027").noSchool())
                .isEmpty();
    }

    @Test
    void refusesWithAMessageSayingWhatToCorrect() {
        refused("2026-27", FIRST, LAST, List.of(), "is not a school year");
        refused("2026-2027", LAST, FIRST, List.of(), "The last day of school (2026-08-17) is before the first");
        refused(
                "2026-2027",
                date("2025-08-18"),
                LAST,
                List.of(),
                "The first day of school (2025-08-18) is not in the school year 2026-2027");
        refused("2026-2027", FIRST, date("2027-07-02"), List.of(), "The last day of school (2027-07-02) is not in");
        refused(
                "2026-2027",
                FIRST,
                LAST,
                List.of(
                        day("2026-09-07", "Labor Day"),
                        new NoSchoolJson(date("2026-10-22"), date("2026-10-22"), date("2026-10-23"), "Fall break")),
                "noSchool[1] (\"Fall break\"): give either a date, or from and to, not both.");
        refused(
                "2026-2027",
                FIRST,
                LAST,
                List.of(new NoSchoolJson(null, date("2026-10-22"), null, "Fall break")),
                "noSchool[0] (\"Fall break\"): give a date, or from and to.");
        refused(
                "2026-2027",
                FIRST,
                LAST,
                List.of(range("2027-01-01", "2026-12-21", "Winter break")),
                "noSchool[0] (\"Winter break\"): from (2027-01-01) is after to (2026-12-21).");
        refused(
                "2026-2027",
                FIRST,
                LAST,
                List.of(day("2025-09-01", "Labor Day")),
                "noSchool[0] (\"Labor Day\"): 2025-09-01 is not between the first (2026-08-17) and the last day");
        refused(
                "2026-2027",
                FIRST,
                LAST,
                List.of(range("2027-05-24", "2027-05-31", "Memorial Day weekend")),
                "2027-05-24 to 2027-05-31 is not between");
    }

    private static void refused(
            String schoolYear, LocalDate first, LocalDate last, List<NoSchoolJson> noSchool, String message) {
        assertThatThrownBy(() -> new CalendarJson(first, last, noSchool).toCalendar(schoolYear))
                .isInstanceOf(CalendarRejected.class)
                .satisfies(e -> assertThat(((CalendarRejected) e).detail()).contains(message));
    }

    private static NoSchoolJson day(String date, String name) {
        return new NoSchoolJson(date(date), null, null, name);
    }

    private static NoSchoolJson range(String from, String to, String name) {
        return new NoSchoolJson(null, date(from), date(to), name);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
