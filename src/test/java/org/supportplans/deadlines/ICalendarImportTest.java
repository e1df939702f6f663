package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.supportplans.deadlines.ICalendarImport.Ignored;
import org.supportplans.deadlines.SchoolYearCalendar.NoSchool;

/**
 * Importing the iCalendar file a district publishes (a Google Calendar export of a school year, in
 * {@code district-calendar-2026-2027.ics}).
 */
class ICalendarImportTest {

    static final String FILE = "district-calendar-2026-2027.ics";

    @Test
    void theFirstAndLastDayOfSchoolComeFromTheirEvents() {
        SchoolYearCalendar calendar = read(FILE, null, null).calendar();

        assertThat(calendar.schoolYear()).isEqualTo("2026-2027");
        assertThat(calendar.firstDay()).isEqualTo("2026-08-17");
        assertThat(calendar.lastDay())
                .as("'Last Day of School - Early Release'")
                .isEqualTo("2027-05-27");
    }

    @Test
    void allDayEventsAreDaysWithoutSchoolWithDtendExclusiveAndRecurrencesExpanded() {
        SchoolYearCalendar calendar = read(FILE, null, null).calendar();

        assertThat(calendar.noSchool())
                .extracting(NoSchool::from, NoSchool::to, NoSchool::name)
                .containsExactly(
                        // no DTEND: one day
                        tuple(date("2026-09-07"), date("2026-09-07"), "Labor Day - No School"),
                        tuple(date("2026-09-25"), date("2026-09-25"), "Teacher Planning Day - No School for Students"),
                        // RRULE every second month on the second Friday, COUNT=4: 9 Oct, 11 Dec (EXDATE),
                        // 12 Feb, 9 Apr (moved to 16 Apr by a RECURRENCE-ID)
                        tuple(date("2026-10-09"), date("2026-10-09"), "Professional Learning Day - No School"),
                        // DTEND 20261024: Thursday and Friday
                        tuple(date("2026-10-22"), date("2026-10-23"), "Fall Break"),
                        // an escaped comma in the SUMMARY
                        tuple(date("2026-11-23"), date("2026-11-27"), "Thanksgiving Break, No School"),
                        tuple(date("2026-12-21"), date("2027-01-01"), "Winter Break"),
                        tuple(date("2027-01-18"), date("2027-01-18"), "Martin Luther King Jr. Day - No School"),
                        tuple(date("2027-02-12"), date("2027-02-12"), "Professional Learning Day - No School"),
                        tuple(date("2027-02-15"), date("2027-02-15"), "Presidents' Day - No School"),
                        // published from Saturday to Sunday, as many districts do
                        tuple(date("2027-03-20"), date("2027-03-28"), "Spring Break"),
                        tuple(date("2027-04-16"), date("2027-04-16"), "Professional Learning Day - No School"));
        assertThat(calendar.isSchoolDay(date("2026-12-11")))
                .as("the EXDATE'd occurrence")
                .isTrue();
        assertThat(calendar.isSchoolDay(date("2027-04-09")))
                .as("the moved occurrence")
                .isTrue();
        assertThat(calendar.isSchoolDay(date("2027-02-03")))
                .as("a cancelled event")
                .isTrue();
    }

    @Test
    void timedEventsAndDaysWhenSchoolIsHeldAreListedAsIgnored() {
        ICalendarImport.Imported imported = read(FILE, null, null);

        assertThat(imported.ignored())
                .extracting(Ignored::date, Ignored::summary, Ignored::reason)
                .containsExactly(
                        tuple(
                                date("2026-07-03"),
                                "Independence Day (observed) - District Offices Closed",
                                "before the first day of school"),
                        tuple(
                                date("2026-08-10"),
                                "Teacher Work Days - No School for Students",
                                "before the first day of school"),
                        tuple(
                                date("2026-09-10"),
                                "Board of Education Regular Meeting",
                                "has a time of day: not a day without school"),
                        tuple(
                                date("2026-10-02"),
                                "Homecoming Football Game (Jefferson High)",
                                "has a time of day: not a day without school"),
                        tuple(
                                date("2026-10-21"),
                                "Parent-Teacher Conferences - Early Release",
                                "school is held that day"),
                        tuple(date("2027-05-22"), "Jefferson High Graduation", "on a weekend"),
                        tuple(date("2027-05-31"), "Memorial Day", "after the last day of school"));
        assertThat(imported.ignored())
                .extracting(Ignored::summary)
                .as("events of other school years are left out silently")
                .doesNotContain("Memorial Day - No School");
    }

    @Test
    void daysGivenInTheRequestWinOverTheFileAndCutBreaksReachingOverThem() {
        SchoolYearCalendar calendar =
                read(FILE, date("2026-08-19"), date("2027-03-24")).calendar();

        assertThat(calendar.firstDay()).isEqualTo("2026-08-19");
        assertThat(calendar.lastDay()).isEqualTo("2027-03-24");
        assertThat(calendar.noSchool().get(calendar.noSchool().size() - 1))
                .isEqualTo(new NoSchool(date("2027-03-20"), date("2027-03-24"), "Spring Break"));
    }

    @Test
    void aFileWithoutFirstOrLastDayNeedsThemInTheRequest() {
        String file = calendar("""
                BEGIN:VEVENT
                UID:1@example.org
                DTSTAMP:20260301T170000Z
                DTSTART;VALUE=DATE:20260907
                SUMMARY:Labor Day
                END:VEVENT
                """);

        assertThatThrownBy(() -> ICalendarImport.read("2026-2027", stream(file), null, null))
                .isInstanceOf(CalendarRejected.class)
                .hasMessageContaining("First day of school")
                .hasMessageContaining("firstDay=");
        assertThatThrownBy(() -> ICalendarImport.read("2026-2027", stream(file), date("2026-08-17"), null))
                .isInstanceOf(CalendarRejected.class)
                .hasMessageContaining("lastDay=");
        SchoolYearCalendar calendar = ICalendarImport.read(
                        "2026-2027", stream(file), date("2026-08-17"), date("2027-05-27"))
                .calendar();
        assertThat(calendar.noSchool())
                .containsExactly(new NoSchool(date("2026-09-07"), date("2026-09-07"), "Labor Day"));
    }

    @Test
    void firstDayForStudentsAndAnEventWithoutSummaryAreUnderstood() {
        String file = calendar("""
                BEGIN:VEVENT
                UID:1@example.org
                DTSTAMP:20260301T170000Z
                DTSTART;VALUE=DATE:20260819
                SUMMARY:FIRST DAY FOR STUDENTS
                END:VEVENT
                BEGIN:VEVENT
                UID:2@example.org
                DTSTAMP:20260301T170000Z
                DTSTART;VALUE=DATE:20261106
                END:VEVENT
                BEGIN:VEVENT
                UID:3@example.org
                DTSTAMP:20260301T170000Z
                DTSTART;VALUE=DATE:20270604
                DURATION:P1D
                SUMMARY:Last day for students
                END:VEVENT
                BEGIN:VEVENT
                UID:4@example.org
                DTSTAMP:20260301T170000Z
                DTSTART;TZID=America/New_York:20261015T090000
                DURATION:PT1H
                SUMMARY:Webinar (a zone the file does not define)
                END:VEVENT
                BEGIN:VEVENT
                UID:5@example.org
                DTSTAMP:20260301T170000Z
                DTSTART;TZID=Mountain Standard Time:20261016T090000
                DTEND;TZID=Mountain Standard Time:20261016T100000
                SUMMARY:Meeting exported by Outlook
                END:VEVENT
                """);

        ICalendarImport.Imported imported = ICalendarImport.read("2026-2027", stream(file), null, null);
        SchoolYearCalendar calendar = imported.calendar();

        assertThat(calendar.firstDay()).isEqualTo("2026-08-19");
        assertThat(calendar.lastDay()).isEqualTo("2027-06-04");
        assertThat(calendar.noSchool())
                .containsExactly(new NoSchool(date("2026-11-06"), date("2026-11-06"), "No school"));
        assertThat(imported.ignored())
                .as("timed events in zones the file does not define, or that are no zone at all")
                .extracting(Ignored::date)
                .containsExactly(date("2026-10-15"), date("2026-10-16"));
    }

    @Test
    void refusesWhatIsNotACalendarFileOrTheWrongYear() {
        assertThatThrownBy(
                        () -> ICalendarImport.read("2026-2027", stream("{\"firstDay\": \"2026-08-17\"}"), null, null))
                .isInstanceOf(CalendarRejected.class)
                .hasMessageContaining("not an iCalendar file");
        assertThatThrownBy(() -> ICalendarImport.read("2026-27", resource(FILE), null, null))
                .isInstanceOf(CalendarRejected.class)
                .hasMessageContaining("2026-2027");
        assertThatThrownBy(() -> ICalendarImport.read("2027-2028", resource(FILE), null, null))
                .as("the file's 2026-2027 events are not in 2027-2028")
                .isInstanceOf(CalendarRejected.class)
                .hasMessageContaining("First day of school");
        assertThatThrownBy(() -> ICalendarImport.read("2026-2027", resource(FILE), date("2027-08-17"), null))
                .isInstanceOf(CalendarRejected.class)
                .hasMessageContaining("before the first");
    }

    private static ICalendarImport.Imported read(String resource, LocalDate firstDay, LocalDate lastDay) {
        return ICalendarImport.read("2026-2027", resource(resource), firstDay, lastDay);
    }

    private static InputStream resource(String name) {
        InputStream stream = ICalendarImportTest.class.getResourceAsStream(name);
        if (stream == null) {
            throw new UncheckedIOException(new IOException("no test resource " + name));
        }
        return stream;
    }

    static String calendar(String events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Support Plans//Tests//EN\r\n" + events.replace("\n", "\r\n")
                + "END:VCALENDAR\r\n";
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
