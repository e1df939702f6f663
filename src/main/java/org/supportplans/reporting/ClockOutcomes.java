package org.supportplans.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.ClockKind;
import org.supportplans.deadlines.ClockStatus;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.InvalidFilter;

/**
 * How the clocks ended, per clock kind and period (the month or quarter of the due date that counts: an
 * extension, else the counted date): met, met late, missed (overdue: marked so, or running or paused past
 * the due date, today in the district), still running, cancelled. A clock whose due date is not known has
 * no period; the date range leaves it out.
 */
@Service
@Transactional(readOnly = true)
class ClockOutcomes {

    enum GroupBy {
        MONTH,
        QUARTER
    }

    record Report(List<Row> rows) {}

    /** The period is null when the report is not grouped, or for clocks whose due date is not known. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Row(String clock, String period, long met, long metLate, long missed, long running, long cancelled) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseScopes scopes;

    ClockOutcomes(NamedParameterJdbcTemplate jdbc, CaseScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** Counts of one row, as they are added up. */
    private static final class Counts {
        long met;
        long metLate;
        long missed;
        long running;
        long cancelled;
    }

    private record Key(ClockKind kind, String period) {}

    Report report(ReportFilter filter, GroupBy groupBy, CurrentStaff staff) {
        CaseScope scope = scopes.of(filter, staff);
        scope.dateWithin("c.due_on", filter);
        Map<Key, Counts> counts = new TreeMap<>(Comparator.comparing(Key::kind)
                .thenComparing(Key::period, Comparator.nullsLast(Comparator.naturalOrder())));
        jdbc.query("""
                select kind, due_year, due_month, status, missed, count(*) as clocks
                from (select c.kind, extract(year from c.due_on) as due_year,
                             extract(month from c.due_on) as due_month, c.status,
                             case when c.status = 'OVERDUE'
                                       or (c.status in ('RUNNING', 'PAUSED')
                                           and c.due_on < %s)
                                  then 1 else 0 end as missed
                      from clock_deadline c
                      join support_case sc on sc.id = c.case_id
                      join school s on s.id = sc.school_id
                      %s) x
                group by kind, due_year, due_month, status, missed
                """.formatted(scope.today(), scope.where()), scope.params, rs -> {
            int year = rs.getInt("due_year");
            String period = groupBy == null || rs.wasNull() ? null : period(groupBy, year, rs.getInt("due_month"));
            Counts row =
                    counts.computeIfAbsent(new Key(ClockKind.valueOf(rs.getString("kind")), period), k -> new Counts());
            long clocks = rs.getLong("clocks");
            switch (ClockStatus.valueOf(rs.getString("status"))) {
                case MET -> row.met += clocks;
                case MET_LATE -> row.metLate += clocks;
                case CANCELLED -> row.cancelled += clocks;
                case OVERDUE -> row.missed += clocks;
                case RUNNING, PAUSED -> {
                    if (rs.getInt("missed") == 1) {
                        row.missed += clocks;
                    } else {
                        row.running += clocks;
                    }
                }
            }
        });
        List<Row> rows = new ArrayList<>();
        counts.forEach((key, row) -> rows.add(
                new Row(key.kind().id(), key.period(), row.met, row.metLate, row.missed, row.running, row.cancelled)));
        return new Report(rows);
    }

    private static String period(GroupBy groupBy, int year, int month) {
        return switch (groupBy) {
            case MONTH -> "%04d-%02d".formatted(year, month);
            case QUARTER -> "%04d-Q%d".formatted(year, (month - 1) / 3 + 1);
        };
    }

    static GroupBy groupBy(String value) {
        String group = ReportFilter.blankToNull(value);
        if (group == null) {
            return null;
        }
        return switch (group) {
            case "month" -> GroupBy.MONTH;
            case "quarter" -> GroupBy.QUARTER;
            default -> throw new InvalidFilter("groupBy \"" + group + "\" is not one of: month, quarter.");
        };
    }
}
