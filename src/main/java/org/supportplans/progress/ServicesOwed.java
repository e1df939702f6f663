package org.supportplans.progress;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The minutes of a service owed to a student over a period: prescribed minus delivered, week by week (Monday to
 * Sunday) and for the whole period. A pure rule: the school days and the sessions are given.
 *
 * <p><b>Prescribed.</b> The IEP states the amount and frequency of each service (34 CFR 300.320(a)(7)). Each school
 * day on which the service is in effect carries a share of it: a {@code DAILY} service its minutes; a {@code WEEKLY}
 * service a fifth of its minutes (the five weekdays of a week); a {@code MONTHLY} service its minutes divided by
 * the weekdays of that month. A day the school calendar says is not a school day (a holiday, a break, a closure)
 * carries nothing, so a week with a holiday owes four fifths of a weekly service, a service starting on a Wednesday
 * owes three fifths in its first week, and a week of break owes nothing (services are provided when school is in
 * session: when a district closes its schools and serves no student, it need not serve students with disabilities
 * in that time, OSEP's Questions and Answers on providing services during the COVID-19 outbreak, March 2020,
 * The shares are summed exactly and rounded to whole minutes per week and per period.
 *
 * <p><b>Delivered.</b> The minutes of the sessions delivered, make-up sessions included (a make-up counts in the
 * week it takes place, and over a period it fills what an earlier week missed).
 *
 * <p><b>Missed.</b> IDEA's regulations say nothing about missed sessions. We follow the usual practice, from OSEP's
 * Letter to Balkman (1995, confirmed in 2008): when the school made the session available at its scheduled time and
 * the student was absent (ill, kept home by the family), the minutes need not be made up; so a session missed
 * because the student was absent, or because the school was closed to every student that day (a snow day not yet on
 * the calendar), excuses its minutes. A session missed because the provider was absent, or for any other reason,
 * stays owed until made up (OSEP's letter to ASHA of March 8, 2007: the district must ensure the services of the
 * IEP despite a provider's absence). An excused session on a day the calendar already counts as no school is not
 * counted twice.
 *
 * <p><b>Owed</b> = prescribed − delivered − excused, never below zero, per week and for the period (so a make-up
 * in a later week pays back an earlier week's shortfall in the period's figure).
 */
final class ServicesOwed {

    enum Frequency {
        DAILY,
        WEEKLY,
        MONTHLY
    }

    /** A service as the IEP prescribes it: minutes per occurrence, how often, from when to when. */
    record Service(int minutes, Frequency frequency, LocalDate startsOn, LocalDate endsOn) {}

    /** A session logged for the service. */
    record Session(LocalDate date, int minutes, SessionStatus status, MissedReason reason, boolean makeUp) {}

    /** One week's figures; {@code weekOf} is its Monday. */
    record Week(LocalDate weekOf, int prescribed, int delivered, int madeUp, int excused, int owed) {}

    /** The period's figures and its weeks (those in which the service was in effect). */
    record Result(int prescribed, int delivered, int madeUp, int excused, int owed, List<Week> weeks) {}

    private ServicesOwed() {}

    /** The figures with their weeks, from the sessions themselves. */
    static Result compute(
            Service service, LocalDate from, LocalDate to, Predicate<LocalDate> schoolDay, List<Session> sessions) {
        return compute(service, SchoolDays.of(from, to, schoolDay), logged(service, from, to, sessions), true);
    }

    /** The sessions of the service over the period as the rule reads them: those on the service's days. */
    static Logged logged(Service service, LocalDate from, LocalDate to, List<Session> sessions) {
        LocalDate first = later(from, service.startsOn());
        LocalDate last = earlier(to, service.endsOn());
        Logged logged = new Logged(from, to);
        for (Session session : sessions) {
            LocalDate day = session.date();
            if (day.isBefore(first) || day.isAfter(last)) {
                continue;
            }
            if (session.status() == SessionStatus.DELIVERED) {
                logged.delivered(logged.week(day), session.minutes(), session.makeUp());
            } else {
                logged.missed(session);
            }
        }
        return logged;
    }

    /**
     * The figures from what was logged for the service over the period of {@code schoolDays}: the delivered minutes
     * of each week (only those of sessions on the service's days in the period), the missed sessions one by one.
     * Without {@code withWeeks} the result's weeks are left out (the period's figures are the same).
     */
    static Result compute(Service service, SchoolDays schoolDays, Logged logged, boolean withWeeks) {
        LocalDate from = schoolDays.from();
        LocalDate first = later(from, service.startsOn());
        LocalDate last = earlier(schoolDays.to(), service.endsOn());
        if (first.isAfter(last)) {
            return new Result(0, 0, 0, 0, 0, withWeeks ? List.of() : null);
        }
        int firstDay = schoolDays.index(first);
        int lastDay = schoolDays.index(last);
        int firstWeek = Logged.week(firstDay, from);
        int weekCount = Logged.week(lastDay, from) - firstWeek + 1;
        double[] prescribed = new double[weekCount];
        double dailyShare = service.frequency() == Frequency.MONTHLY ? 0 : share(service, first);
        for (int day = firstDay; day <= lastDay; day++) {
            if (schoolDays.isSchoolDay(day)) {
                prescribed[Logged.week(day, from) - firstWeek] +=
                        service.frequency() == Frequency.MONTHLY ? share(service, from.plusDays(day)) : dailyShare;
            }
        }
        double[] excused = new double[weekCount];
        for (Session session : logged.missed) {
            LocalDate day = session.date();
            if (!day.isBefore(first)
                    && !day.isAfter(last)
                    && session.reason() != null
                    && session.reason().excuses()
                    && schoolDays.test(day)) {
                excused[logged.week(day) - firstWeek] += session.minutes();
            }
        }
        List<Week> rows = withWeeks ? new ArrayList<>(weekCount) : null;
        double[] total = new double[4];
        for (int w = 0; w < weekCount; w++) {
            double delivered = logged.delivered[firstWeek + w];
            double madeUp = logged.madeUp[firstWeek + w];
            if (withWeeks) {
                int weekPrescribed = (int) Math.round(prescribed[w]);
                int weekDelivered = (int) Math.round(delivered);
                int weekExcused = (int) Math.round(excused[w]);
                rows.add(new Week(
                        monday(from).plusWeeks(firstWeek + w),
                        weekPrescribed,
                        weekDelivered,
                        (int) Math.round(madeUp),
                        weekExcused,
                        Math.max(0, weekPrescribed - weekDelivered - weekExcused)));
            }
            total[0] += prescribed[w];
            total[1] += delivered;
            total[2] += madeUp;
            total[3] += excused[w];
        }
        if (withWeeks && (logged.periodDelivered > 0 || logged.periodMadeUp > 0)) {
            throw new IllegalArgumentException("the weeks asked for, the delivered minutes given for the period");
        }
        total[1] += logged.periodDelivered;
        total[2] += logged.periodMadeUp;
        int totalPrescribed = (int) Math.round(total[0]);
        int totalDelivered = (int) Math.round(total[1]);
        int totalExcused = (int) Math.round(total[3]);
        return new Result(
                totalPrescribed,
                totalDelivered,
                (int) Math.round(total[2]),
                totalExcused,
                Math.max(0, totalPrescribed - totalDelivered - totalExcused),
                withWeeks ? List.copyOf(rows) : null);
    }

    /** Which days of a period are school days, a flag a day. */
    static final class SchoolDays {

        private final LocalDate from;
        private final boolean[] days;

        private SchoolDays(LocalDate from, boolean[] days) {
            this.from = from;
            this.days = days;
        }

        static SchoolDays of(LocalDate from, LocalDate to, Predicate<LocalDate> schoolDay) {
            boolean[] days = new boolean[(int) (to.toEpochDay() - from.toEpochDay() + 1)];
            for (int day = 0; day < days.length; day++) {
                days[day] = schoolDay.test(from.plusDays(day));
            }
            return new SchoolDays(from, days);
        }

        LocalDate from() {
            return from;
        }

        LocalDate to() {
            return from.plusDays(days.length - 1L);
        }

        int index(LocalDate day) {
            return (int) (day.toEpochDay() - from.toEpochDay());
        }

        boolean isSchoolDay(int day) {
            return day >= 0 && day < days.length && days[day];
        }

        boolean test(LocalDate day) {
            return isSchoolDay(index(day));
        }
    }

    /**
     * What was logged for a service over a period, as the rule reads it: the minutes delivered (and those of
     * make-ups among them) added up per week, the weeks numbered from the Monday of the period's first week; the
     * missed sessions one by one, their day and reason deciding whether they excuse.
     */
    static final class Logged {

        private final LocalDate from;
        private final double[] delivered;
        private final double[] madeUp;
        private final List<Session> missed = new ArrayList<>(0);
        private double periodDelivered;
        private double periodMadeUp;

        Logged(LocalDate from, LocalDate to) {
            this.from = from;
            int weeks = week((int) (to.toEpochDay() - from.toEpochDay()), from) + 1;
            this.delivered = new double[weeks];
            this.madeUp = new double[weeks];
        }

        /** The week of a day of the period, 0 the period's first. */
        int week(LocalDate day) {
            return week((int) (day.toEpochDay() - from.toEpochDay()), from);
        }

        /** The week, counted from the Monday of {@code from}'s week, of the day {@code day} days after it. */
        static int week(int day, LocalDate from) {
            return (day + from.getDayOfWeek().getValue() - 1) / 7;
        }

        void delivered(int week, int minutes, boolean makeUp) {
            delivered[week] += minutes;
            if (makeUp) {
                madeUp[week] += minutes;
            }
        }

        /** Minutes delivered in a week, as the database added them up ({@code madeUp} of them make-ups). */
        void delivered(int week, long minutes, long madeUpMinutes) {
            delivered[week] += minutes;
            madeUp[week] += madeUpMinutes;
        }

        /** Minutes delivered over the period, as the database added them up, when the weeks are not wanted. */
        void deliveredInPeriod(long minutes, long madeUpMinutes) {
            periodDelivered += minutes;
            periodMadeUp += madeUpMinutes;
        }

        void missed(Session session) {
            missed.add(session);
        }
    }

    /** The share of the service that one school day carries. */
    static double share(Service service, LocalDate day) {
        return switch (service.frequency()) {
            case DAILY -> service.minutes();
            case WEEKLY -> service.minutes() / 5.0;
            case MONTHLY -> service.minutes() / (double) weekdaysOf(YearMonth.from(day));
        };
    }

    static int weekdaysOf(YearMonth month) {
        int weekdays = 0;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                weekdays++;
            }
        }
        return weekdays;
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
