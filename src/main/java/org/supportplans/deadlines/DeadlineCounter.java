package org.supportplans.deadlines;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts a clock's due date from its rule, its start and the district's school calendars, exactly as
 * the README's "Counting" section says. Pure: the same inputs give the same date, so a clock can always
 * be recomputed (after a calendar changes, a pause, a resumption). Where a calendar the count needs is
 * not loaded, the due date is unknown and says why: it never guesses.
 */
final class DeadlineCounter {

    // no clock runs longer than this many days counted one by one (three school years of school days)
    private static final int MAX_DAYS_WALKED = 3 * 366;

    /**
     * A due date, or why it cannot be known yet; or a provisional date (date and reason both set) counted as if school
     * were held on every weekday of a school year whose calendar ({@code missingYear}) is not loaded.
     */
    public record Due(LocalDate date, String unknownReason, String missingYear) {
        public Due(LocalDate date, String unknownReason) {
            this(date, unknownReason, null);
        }

        static Due on(LocalDate date) {
            return new Due(date, null);
        }

        static Due unknown(String reason) {
            return new Due(null, reason);
        }

        /** Counted without the calendar of that school year (weekdays taken for school days). */
        static Due provisional(LocalDate date, String missingYear) {
            return new Due(
                    date,
                    "Provisional: the school calendar " + missingYear
                            + " is not loaded yet; counted as if school were held on every weekday.",
                    missingYear);
        }

        public boolean known() {
            return date != null;
        }

        public boolean provisional() {
            return date != null && missingYear != null;
        }
    }

    /** Days a clock stood still; {@code to} is null while the pause lasts. Both ends count as paused. */
    public record Pause(LocalDate from, LocalDate to) {
        boolean contains(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }

        long calendarDays() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    private final ClockRule rule;
    private final DistrictCalendar calendar;
    private final List<Pause> pauses;
    private final Set<LocalDate> absences;
    private final Map<LocalDate, Boolean> longBreakDays = new HashMap<>();

    private DeadlineCounter(ClockRule rule, DistrictCalendar calendar, List<Pause> pauses, Set<LocalDate> absences) {
        this.rule = rule;
        this.calendar = calendar;
        this.pauses = List.copyOf(pauses);
        this.absences = Set.copyOf(absences);
    }

    public static Due count(ClockRule rule, LocalDate start, DistrictCalendar calendar, List<Pause> pauses) {
        return count(rule, start, start, calendar, pauses);
    }

    /**
     * The due date of a clock started on {@code start} for a case referred on {@code referredOn} (California's
     * end-of-year rule depends on the referral's date).
     */
    public static Due count(
            ClockRule rule, LocalDate start, LocalDate referredOn, DistrictCalendar calendar, List<Pause> pauses) {
        return count(rule, start, referredOn, calendar, pauses, Set.of());
    }

    /** The same, with the school days the student was absent (Texas: Tex. Educ. Code 29.004(a)). */
    public static Due count(
            ClockRule rule,
            LocalDate start,
            LocalDate referredOn,
            DistrictCalendar calendar,
            List<Pause> pauses,
            Set<LocalDate> absences) {
        return new DeadlineCounter(rule, calendar, pauses, absences)
                .count(start, referredOn == null ? start : referredOn);
    }

    private Due count(LocalDate start, LocalDate referredOn) {
        if (rule.startEvent() == org.supportplans.cases.ClockStart.NEVER) {
            return Due.unknown("The jurisdiction has no such clock.");
        }
        if (rule.unit() == ClockRule.Unit.AGE_IN_MONTHS) {
            return Due.on(start.plusMonths(rule.count())); // 34 CFR 300.320(b) at a state's age, e.g. 14 1/2
        }
        if (rule.unit() == ClockRule.Unit.YEARS || rule.unit() == ClockRule.Unit.BIRTHDAY) {
            // a birthday or an anniversary is a date, not a count of days: nothing pauses it
            // (34 CFR 300.320(b), 300.324(b)(1)(i), 300.303(b)(2), 300.124(b))
            return Due.on(start.plusYears(rule.count()));
        }
        Optional<Pause> open = pauses.stream().filter(p -> p.to() == null).findFirst();
        if (open.isPresent()) {
            return Due.unknown("The clock is paused since " + open.get().from() + ".");
        }
        Due counted = rule.direction() == ClockRule.Direction.BEFORE
                ? walk(start, -1, rule.count())
                : fastCalendarDays(start).orElseGet(() -> walk(start, 1, rule.count()));
        if (rule.exclusion() == ClockRule.Exclusion.STUDENT_ABSENCES && counted.known()) {
            // Tex. Educ. Code 29.004(a): absent on three or more days during the period, the period is extended by
            // the number of school days absent
            long absent = schoolDaysAbsent(start, counted.date());
            if (absent >= 3) {
                Due extended = walk(counted.date(), 1, (int) absent);
                counted = counted.provisional() && !extended.provisional()
                        ? Due.provisional(extended.date(), counted.missingYear())
                        : extended;
                return counted; // 29.004(a-1): the 30 June rule does not apply to a student so absent
            }
        }
        return EndOfYearRules.apply(rule.endOfYear(), counted, start, referredOn, calendar);
    }

    /** The school days (by the calendar; weekdays where it is not loaded) after the start up to the day, absent. */
    private long schoolDaysAbsent(LocalDate start, LocalDate through) {
        return absences.stream()
                .filter(day -> day.isAfter(start) && !day.isAfter(through))
                .filter(day -> calendar.yearOf(day)
                        .map(year -> year.isSchoolDay(day))
                        .orElse(!SchoolYearCalendar.isWeekend(day)))
                .count();
    }

    /** Calendar days with nothing excluded need no calendar: start + N (34 CFR 300.11(a)). */
    private Optional<Due> fastCalendarDays(LocalDate start) {
        if (rule.unit() == ClockRule.Unit.CALENDAR_DAYS
                && rule.exclusion() == ClockRule.Exclusion.NONE
                && pauses.isEmpty()) {
            return Optional.of(Due.on(start.plusDays(rule.count())));
        }
        return Optional.empty();
    }

    /** The N-th counted day after (step 1) or before (step -1) the start; the start itself is not counted. */
    private Due walk(LocalDate start, int step, int count) {
        int counted = 0;
        LocalDate day = start;
        String missingYear = null;
        for (int walked = 0; walked < MAX_DAYS_WALKED; walked++) {
            day = day.plusDays(step);
            Counts counts = counts(day);
            if (counts == Counts.UNKNOWN) {
                // a calendar the count needs is missing: a provisional date, as if school ran on every weekday
                missingYear = missingYear == null ? SchoolYearCalendar.schoolYearOf(day) : missingYear;
                counts = rule.unit() == ClockRule.Unit.SCHOOL_DAYS && SchoolYearCalendar.isWeekend(day)
                        ? Counts.NO
                        : Counts.YES;
            }
            if (counts == Counts.YES && ++counted == count) {
                return missingYear == null ? Due.on(day) : Due.provisional(day, missingYear);
            }
        }
        return Due.unknown("The count runs past " + day + ".");
    }

    private enum Counts {
        YES,
        NO,
        UNKNOWN
    }

    private Counts counts(LocalDate day) {
        if (pauses.stream().anyMatch(p -> p.contains(day))) {
            return Counts.NO;
        }
        return switch (rule.unit()) {
            case SCHOOL_DAYS ->
                calendar.yearOf(day)
                        .map(year -> year.isSchoolDay(day) ? Counts.YES : Counts.NO)
                        .orElse(Counts.UNKNOWN);
            // 34 CFR 300.11(b): Monday to Friday except federal and state holidays; the district's other days off count
            case BUSINESS_DAYS -> calendar.isBusinessDay(day) ? Counts.YES : Counts.NO;
            case CALENDAR_DAYS -> excludedCalendarDay(day);
            case YEARS, BIRTHDAY, AGE_IN_MONTHS -> throw new IllegalStateException("not counted day by day");
        };
    }

    private Counts excludedCalendarDay(LocalDate day) {
        return switch (rule.exclusion()) {
            case NONE, CONSENT_TIME, STUDENT_ABSENCES -> Counts.YES;
            case SUMMER ->
                calendar.yearOf(day)
                        .map(year ->
                                day.isBefore(year.firstDay()) || day.isAfter(year.lastDay()) ? Counts.NO : Counts.YES)
                        .orElse(Counts.UNKNOWN);
            case SCHOOL_HOLIDAYS ->
                calendar.yearOf(day)
                        .map(year -> year.isNoSchoolDay(day) ? Counts.NO : Counts.YES)
                        .orElse(Counts.UNKNOWN);
            case BREAKS_OVER_5_SCHOOL_DAYS -> {
                Boolean inLongBreak = inLongBreak(day);
                yield inLongBreak == null ? Counts.UNKNOWN : inLongBreak ? Counts.NO : Counts.YES;
            }
        };
    }

    /**
     * Whether the day lies in a break of more than 5 consecutive school days: a run of days without
     * school holding more than 5 weekdays (a long weekend or a 5-day Thanksgiving week is no such break;
     * winter break and summer are). Null when a calendar it needs is not loaded.
     */
    private Boolean inLongBreak(LocalDate day) {
        if (longBreakDays.containsKey(day)) {
            return longBreakDays.get(day);
        }
        Optional<SchoolYearCalendar> year = calendar.yearOf(day);
        if (year.isEmpty()) {
            return null;
        }
        if (year.get().isSchoolDay(day)) {
            return false;
        }
        int weekdays = SchoolYearCalendar.isWeekend(day) ? 0 : 1;
        boolean[] unknown = {false};
        weekdays += weekdaysWithoutSchool(day, -1, 6 - weekdays, unknown);
        if (weekdays <= 5) {
            weekdays += weekdaysWithoutSchool(day, 1, 6 - weekdays, unknown);
        }
        if (weekdays > 5) {
            longBreakDays.put(day, true);
            return true;
        }
        if (unknown[0]) {
            return null;
        }
        longBreakDays.put(day, false);
        return false;
    }

    /** Weekdays without school next to the day, walking one way until a school day, or until enough are found. */
    private int weekdaysWithoutSchool(LocalDate from, int step, int enough, boolean[] unknown) {
        int weekdays = 0;
        LocalDate day = from.plusDays(step);
        while (weekdays < enough) {
            Optional<SchoolYearCalendar> year = calendar.yearOf(day);
            if (year.isEmpty()) {
                unknown[0] = true;
                return weekdays;
            }
            if (year.get().isSchoolDay(day)) {
                return weekdays;
            }
            if (!SchoolYearCalendar.isWeekend(day)) {
                weekdays++;
            }
            day = day.plusDays(step);
        }
        return weekdays;
    }
}
