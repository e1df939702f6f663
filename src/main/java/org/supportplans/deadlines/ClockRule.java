package org.supportplans.deadlines;

import org.supportplans.cases.ClockKind;
import org.supportplans.cases.ClockStart;

/**
 * How a jurisdiction counts a clock, as the rules table ({@code processes/clock-rules.dmn}) gives it:
 * so many calendar, school or business days (or years, or a birthday) after (or before) the start,
 * perhaps not counting some days, with the rule's citation.
 */
record ClockRule(
        ClockKind kind,
        String jurisdiction,
        int count,
        Unit unit,
        Direction direction,
        Exclusion exclusion,
        ClockStart startEvent,
        String citation) {

    public enum Unit {
        /** Calendar days (34 CFR 300.11(a)): start + N, no adjustment for weekends or holidays. */
        CALENDAR_DAYS,
        /** The N-th school day after the start (the start day not counted), by the district's calendar. */
        SCHOOL_DAYS,
        /** The N-th weekday after the start that is not a district holiday. */
        BUSINESS_DAYS,
        /** The same day N years later (29 February: 28 February). */
        YEARS,
        /** The N-th birthday; the start is the date of birth. */
        BIRTHDAY
    }

    public enum Direction {
        AFTER,
        /** A lead time: the clock falls due N days before its start (a meeting's notice before the meeting). */
        BEFORE
    }

    public enum Exclusion {
        NONE,
        /** Days of a break of more than 5 consecutive school days are not counted (California). */
        BREAKS_OVER_5_SCHOOL_DAYS,
        /** The summer between two school years is not counted (Pennsylvania). */
        SUMMER
    }

    /** The rule in a coordinator's words, e.g. "60 school days after consent (TX: 19 TAC 89.1011)". */
    public String describe() {
        String unitText = switch (unit) {
            case CALENDAR_DAYS -> "calendar days";
            case SCHOOL_DAYS -> "school days";
            case BUSINESS_DAYS -> "business days";
            case YEARS -> count == 1 ? "year" : "years";
            case BIRTHDAY -> "";
        };
        String what = unit == Unit.BIRTHDAY
                ? "by the " + ordinal(count) + " birthday"
                : count + " " + unitText + (direction == Direction.BEFORE ? " before " : " after ")
                        + startEvent.name().toLowerCase().replace('_', ' ');
        String excluding = switch (exclusion) {
            case NONE -> "";
            case BREAKS_OVER_5_SCHOOL_DAYS -> ", not counting breaks of more than 5 school days";
            case SUMMER -> ", not counting the summer";
        };
        return what + excluding + " (" + citation + ")";
    }

    private static String ordinal(int n) {
        return n
                + switch (n % 10 == 1 && n % 100 != 11
                        ? 1
                        : n % 10 == 2 && n % 100 != 12 ? 2 : n % 10 == 3 && n % 100 != 13 ? 3 : 0) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
    }
}
