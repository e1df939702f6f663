package org.supportplans.progress;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
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

    static Result compute(
            Service service, LocalDate from, LocalDate to, Predicate<LocalDate> schoolDay, List<Session> sessions) {
        LocalDate first = later(from, service.startsOn());
        LocalDate last = earlier(to, service.endsOn());
        TreeMap<LocalDate, double[]> weeks = new TreeMap<>(); // prescribed, delivered, madeUp, excused
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            double[] week = weeks.computeIfAbsent(monday(day), monday -> new double[4]);
            if (schoolDay.test(day)) {
                week[0] += share(service, day);
            }
        }
        for (Session session : sessions) {
            LocalDate day = session.date();
            if (day.isBefore(first) || day.isAfter(last)) {
                continue;
            }
            double[] week = weeks.computeIfAbsent(monday(day), monday -> new double[4]);
            if (session.status() == SessionStatus.DELIVERED) {
                week[1] += session.minutes();
                if (session.makeUp()) {
                    week[2] += session.minutes();
                }
            } else if (session.reason() != null && session.reason().excuses() && schoolDay.test(day)) {
                week[3] += session.minutes();
            }
        }
        List<Week> rows = new ArrayList<>();
        double[] total = new double[4];
        weeks.forEach((monday, figures) -> {
            int prescribed = (int) Math.round(figures[0]);
            int delivered = (int) Math.round(figures[1]);
            int excused = (int) Math.round(figures[3]);
            rows.add(new Week(
                    monday,
                    prescribed,
                    delivered,
                    (int) Math.round(figures[2]),
                    excused,
                    Math.max(0, prescribed - delivered - excused)));
            for (int i = 0; i < 4; i++) {
                total[i] += figures[i];
            }
        });
        int prescribed = (int) Math.round(total[0]);
        int delivered = (int) Math.round(total[1]);
        int excused = (int) Math.round(total[3]);
        return new Result(
                prescribed,
                delivered,
                (int) Math.round(total[2]),
                excused,
                Math.max(0, prescribed - delivered - excused),
                List.copyOf(rows));
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
