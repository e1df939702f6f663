package org.supportplans.progress;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The minutes delivered of each service added up per week ({@code service_minutes_week}, V18_1), kept with the
 * sessions: a session delivered adds its minutes to its week in the session's own transaction. The services-owed
 * report reads these sums for a period's whole weeks ({@link ServicesOwedReport}).
 */
@Component
class ServiceWeeks {

    private final JdbcTemplate jdbc;

    ServiceWeeks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a delivered session to its week. Sessions of the same service logged at the same moment take turns on the
     * service's row of the plan, so that the week's row is inserted once and then added to.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void delivered(String schoolId, long planId, int serviceNumber, LocalDate day, int minutes, boolean makeUp) {
        jdbc.queryForList(
                "select position from plan_service where plan_id = ? and position = ? for update",
                Integer.class,
                planId,
                serviceNumber - 1);
        Date weekOf = Date.valueOf(ServicesOwed.monday(day));
        Date date = Date.valueOf(day);
        int madeUp = makeUp ? minutes : 0;
        int added = jdbc.update(
                "update service_minutes_week set delivered = delivered + ?, made_up = made_up + ?,"
                        + " first_day = least(first_day, ?), last_day = greatest(last_day, ?)"
                        + " where school_id = ? and week_of = ? and plan_id = ? and service_number = ?",
                minutes,
                madeUp,
                date,
                date,
                schoolId,
                weekOf,
                planId,
                serviceNumber);
        if (added == 0) {
            jdbc.update(
                    "insert into service_minutes_week (school_id, week_of, plan_id, service_number, delivered,"
                            + " made_up, first_day, last_day) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    schoolId,
                    weekOf,
                    planId,
                    serviceNumber,
                    minutes,
                    madeUp,
                    date,
                    date);
        }
    }
}
