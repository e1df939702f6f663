package org.supportplans.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A district's calendar of one school year: the first and last day of school and the days without
 * school. The school year {@code 2026-2027} covers 1 July 2026 to 30 June 2027; its school days are
 * the weekdays from the first to the last day that are not days without school.
 */
record SchoolYearCalendar(String schoolYear, LocalDate firstDay, LocalDate lastDay, List<NoSchool> noSchool) {

    private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

    /** Days without school: one day ({@code from == to}) or a range, with its name. */
    public record NoSchool(LocalDate from, LocalDate to, String name) {
        public NoSchool {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("a day-without-school range ends before it starts: " + name);
            }
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    public SchoolYearCalendar {
        Objects.requireNonNull(firstDay);
        Objects.requireNonNull(lastDay);
        noSchool = List.copyOf(noSchool);
        int startYear = startYear(schoolYear);
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("The last day of school is before the first.");
        }
        if (firstDay.isBefore(coverageStart(startYear)) || lastDay.isAfter(coverageEnd(startYear))) {
            throw new IllegalArgumentException("The school year " + schoolYear + " runs from 1 July " + startYear
                    + " to 30 June " + (startYear + 1) + ".");
        }
        for (NoSchool days : noSchool) {
            if (days.from().isBefore(firstDay) || days.to().isAfter(lastDay)) {
                throw new IllegalArgumentException(
                        "\"" + days.name() + "\" is outside the school year's first and last day.");
            }
        }
    }

    /** The first calendar year of a school year such as {@code 2026-2027}. */
    public static int startYear(String schoolYear) {
        Matcher matcher = SCHOOL_YEAR.matcher(schoolYear == null ? "" : schoolYear);
        if (!matcher.matches() || Integer.parseInt(matcher.group(2)) != Integer.parseInt(matcher.group(1)) + 1) {
            throw new IllegalArgumentException("A school year is written like 2026-2027.");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** The school year a day belongs to, e.g. 2027-03-01 to {@code 2026-2027}, 2027-07-01 to {@code 2027-2028}. */
    public static String schoolYearOf(LocalDate day) {
        int start = day.getMonthValue() >= 7 ? day.getYear() : day.getYear() - 1;
        return start + "-" + (start + 1);
    }

    static LocalDate coverageStart(int startYear) {
        return LocalDate.of(startYear, 7, 1);
    }

    static LocalDate coverageEnd(int startYear) {
        return LocalDate.of(startYear + 1, 6, 30);
    }

    public LocalDate coverageStart() {
        return coverageStart(startYear(schoolYear));
    }

    public LocalDate coverageEnd() {
        return coverageEnd(startYear(schoolYear));
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(coverageStart()) && !day.isAfter(coverageEnd());
    }

    public static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** A day without school by the calendar (a holiday or a break), not counting weekends and summer. */
    public boolean isNoSchoolDay(LocalDate day) {
        return noSchool.stream().anyMatch(days -> days.contains(day));
    }

    /** Whether the day is a school day of this year (the day must be covered by it). */
    public boolean isSchoolDay(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay) && !isWeekend(day) && !isNoSchoolDay(day);
    }
}
