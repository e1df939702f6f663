package org.supportplans.deadlines;

import java.util.Set;
import org.supportplans.cases.ClockKind;
import org.supportplans.cases.ClockStart;
import org.supportplans.cases.ClockStop;

/**
 * How a jurisdiction counts a clock, as the rules table ({@code processes/clock-rules.dmn}) gives it:
 * so many calendar, school or business days (or years, or a birthday) after (or before) the start,
 * perhaps not counting some days, until the events that end it (empty: whatever step stops the clock's kind),
 * with the state's end-of-year rule and the rule's citation.
 */
record ClockRule(
        ClockKind kind,
        String jurisdiction,
        int count,
        Unit unit,
        Direction direction,
        Exclusion exclusion,
        ClockStart startEvent,
        String citation,
        Set<ClockStop> endsAt,
        EndOfYear endOfYear) {

    public ClockRule {
        endsAt = Set.copyOf(endsAt);
    }

    /** A rule with no end events named and no end-of-year rule. */
    public ClockRule(
            ClockKind kind,
            String jurisdiction,
            int count,
            Unit unit,
            Direction direction,
            Exclusion exclusion,
            ClockStart startEvent,
            String citation) {
        this(kind, jurisdiction, count, unit, direction, exclusion, startEvent, citation, Set.of(), EndOfYear.NONE);
    }

    /** Whether the rule is a district's choice, not law (its citation says "district policy"). */
    public boolean isDistrictPolicy() {
        return citation.startsWith(DISTRICT_POLICY);
    }

    /** This district-policy rule with the district's own count, which its citation names. */
    public ClockRule withDistrictCount(String districtId, int districtCount) {
        if (!isDistrictPolicy()) {
            throw new IllegalStateException(kind.id() + " is law, not district policy");
        }
        return new ClockRule(
                kind,
                jurisdiction,
                districtCount,
                unit,
                direction,
                exclusion,
                startEvent,
                DISTRICT_POLICY + " of " + districtId + " (" + districtCount + "; the default " + count + ")"
                        + citation.substring(DISTRICT_POLICY.length()),
                endsAt,
                endOfYear);
    }

    static final String DISTRICT_POLICY = "district policy";

    /** This rule with another end-of-year rule, which the citation names too. */
    public ClockRule withEndOfYear(EndOfYear other, String citedAlso) {
        return new ClockRule(
                kind,
                jurisdiction,
                count,
                unit,
                direction,
                exclusion,
                startEvent,
                citation + "; " + citedAlso,
                endsAt,
                other);
    }

    /** Whether the event ends a clock under this rule (a rule naming none is ended by its kind's step). */
    public boolean endsAt(ClockStop event) {
        return endsAt.isEmpty() || endsAt.contains(event);
    }

    public enum Unit {
        /** Calendar days (34 CFR 300.11(a)): start + N, no adjustment for weekends or holidays. */
        CALENDAR_DAYS,
        /** The N-th school day after the start (the start day not counted), by the district's calendar. */
        SCHOOL_DAYS,
        /** The N-th weekday after the start that is not a federal or state holiday (34 CFR 300.11(b)). */
        BUSINESS_DAYS,
        /** The same day N years later (29 February: 28 February). */
        YEARS,
        /** The N-th birthday; the start is the date of birth. */
        BIRTHDAY,
        /** The day the student is N months old (Illinois: 14 years and 6 months = 174); the start is the birth. */
        AGE_IN_MONTHS
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
        SUMMER,
        /** The calendar's days without school are not counted; the summer is (New Jersey, N.J.A.C. 6A:14-3.3(e)). */
        SCHOOL_HOLIDAYS,
        /**
         * The days spent obtaining the parents' consent are not counted (Connecticut, RCSA 10-76d-13(a)(1)): the clock
         * pauses from the day consent is requested and counts again from the day it is given.
         */
        CONSENT_TIME,
        /**
         * Texas (Tex. Educ. Code 29.004(a)): a student absent on three or more school days during the period has it
         * extended by the school days absent; the 30 June rule of (a-1) then does not apply.
         */
        STUDENT_ABSENCES
    }

    /** What a state does with a clock that reaches the end of the school year. */
    public enum EndOfYear {
        NONE,
        /**
         * Tex. Educ. Code 29.004(a-1): consent received at least 35 but fewer than 45 school days before the last
         * instructional day: the report is due 30 June of that year; fewer than 35: the 45th school day, into the
         * next year (29.004(a)).
         */
        TX_JUNE_30,
        /**
         * 19 TAC 89.1011: the ARD committee meets within 30 days of the report; a 30th day in the summer, school
         * not in session, moves to the first day of classes in the fall.
         */
        TX_FIRST_DAY_OF_FALL,
        /**
         * Tex. Educ. Code 29.004(a-1): the report due 30 June of the year (consent 35 to 44 school days before its last
         * instructional day): the ARD committee meets "not later than the 15th school day of the following school
         * year". Not in the rules table: the Texas IEP meeting's clock takes it at its start when the evaluation's
         * clock ran under the 30 June rule.
         */
        TX_15TH_SCHOOL_DAY_OF_NEXT_YEAR,
        /**
         * 23 Ill. Adm. Code 226.110(d): fewer than 60 school days left in the school year after consent: the
         * eligibility decision and IEP meeting before the first day of the next school year.
         */
        IL_BEFORE_NEXT_YEAR,
        /**
         * Cal. Educ. Code 56344(a): a referral made 30 days or less before the end of the regular school year:
         * the IEP within 30 days after the next regular school year begins.
         */
        CA_30_DAYS_INTO_NEXT_YEAR,
        /**
         * Cal. Educ. Code 56321(a): a referral made 10 days or less before the end of the regular school year: the
         * proposed assessment plan within 10 days after the next regular school year begins.
         */
        CA_10_DAYS_INTO_NEXT_YEAR,
        /**
         * 603 CMR 28.05(1): consent received within 30 to 45 school working days before the end of the school
         * year: the proposed IEP (or the notice of ineligibility) no later than 14 days after the end of the year.
         */
        MA_14_DAYS_AFTER_YEAR
    }

    /** The rule in a coordinator's words, e.g. "60 school days after consent (TX: 19 TAC 89.1011)". */
    public String describe() {
        return startEvent == ClockStart.NEVER
                ? "no such clock in this jurisdiction (" + citation + ")"
                : counted() + " (" + citation + ")";
    }

    /** The count without its citation, e.g. "45 school days after consent". */
    public String counted() {
        String unitText = switch (unit) {
            case CALENDAR_DAYS -> "calendar days";
            case SCHOOL_DAYS -> "school days";
            case BUSINESS_DAYS -> "business days";
            case YEARS -> count == 1 ? "year" : "years";
            case BIRTHDAY, AGE_IN_MONTHS -> "";
        };
        if (startEvent == ClockStart.NEVER) {
            return "no such clock";
        }
        String what = unit == Unit.BIRTHDAY
                ? "by the " + ordinal(count) + " birthday"
                : unit == Unit.AGE_IN_MONTHS
                        ? "by the age of " + age(count)
                        : count + " " + unitText + (direction == Direction.BEFORE ? " before " : " after ")
                                + startEvent.name().toLowerCase().replace('_', ' ');
        String excluding = switch (exclusion) {
            case NONE -> "";
            case BREAKS_OVER_5_SCHOOL_DAYS -> ", not counting breaks of more than 5 school days";
            case SUMMER -> ", not counting the summer";
            case SCHOOL_HOLIDAYS -> ", not counting school holidays (the summer counts)";
            case CONSENT_TIME -> ", not counting the days spent obtaining consent";
            case STUDENT_ABSENCES -> ", extended by the school days absent when absent 3 or more";
        };
        String endOfYearText = switch (endOfYear) {
            case NONE -> "";
            case TX_JUNE_30 -> "; consent 35 to 44 school days before the last instructional day: 30 June";
            case TX_FIRST_DAY_OF_FALL -> "; a due date in the summer moves to the first day of school";
            case TX_15TH_SCHOOL_DAY_OF_NEXT_YEAR ->
                "; the report due 30 June: by the 15th school day of the following school year";
            case IL_BEFORE_NEXT_YEAR -> "; fewer than 60 school days left: before the next school year's first day";
            case CA_30_DAYS_INTO_NEXT_YEAR ->
                "; referred 30 days or less before the year's end: 30 days after the next year begins";
            case CA_10_DAYS_INTO_NEXT_YEAR ->
                "; referred 10 days or less before the year's end: 10 days after the next year begins";
            case MA_14_DAYS_AFTER_YEAR ->
                "; consent 30 to 45 school working days before the year's end: 14 days after its end";
        };
        return what + excluding + endOfYearText;
    }

    /** An age in months in words: 174 gives "14 years and 6 months", 180 "15 years". */
    static String age(int months) {
        int years = months / 12;
        int rest = months % 12;
        return years + " years" + (rest == 0 ? "" : " and " + rest + (rest == 1 ? " month" : " months"));
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
