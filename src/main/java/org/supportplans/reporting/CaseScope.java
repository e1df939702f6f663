package org.supportplans.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The cases a report covers, as SQL over {@code support_case sc} joined to {@code school s}: the schools the
 * caller may see (every school for an administrator), narrowed by the filter; with the report's own
 * conditions added, and "today" in each district (its time zone) as a SQL expression.
 */
final class CaseScope {

    final MapSqlParameterSource params = new MapSqlParameterSource();
    private final List<String> conditions = new ArrayList<>();
    // districts by their today (nearly always one date for all; two around midnight across time zones)
    private final Map<LocalDate, List<String>> districtsByToday = new TreeMap<>();
    private final LocalDate fallbackToday;
    private int names;

    CaseScope(Map<String, LocalDate> todayByDistrict, LocalDate fallbackToday) {
        todayByDistrict.forEach((district, day) ->
                districtsByToday.computeIfAbsent(day, d -> new ArrayList<>()).add(district));
        this.fallbackToday = fallbackToday;
    }

    CaseScope and(String condition) {
        conditions.add("(" + condition + ")");
        return this;
    }

    /** A parameter under a fresh name, for conditions built in several places. */
    String param(Object value) {
        String name = "p" + names++;
        params.addValue(name, value);
        return ":" + name;
    }

    /** {@code where ...} with every condition, or nothing. */
    String where() {
        return conditions.isEmpty() ? "" : "where " + String.join("\n  and ", conditions);
    }

    /** The condition that a date column lies within the filter's range (both days included). */
    void dateWithin(String column, ReportFilter filter) {
        if (filter.from() != null) {
            and(column + " >= " + date(filter.from()));
        }
        if (filter.to() != null) {
            and(column + " <= " + date(filter.to()));
        }
    }

    /** Today in the district of the row's school ({@code s.district_id}), as a SQL expression. */
    String today() {
        if (districtsByToday.size() <= 1) {
            return date(
                    districtsByToday.isEmpty()
                            ? fallbackToday
                            : districtsByToday.keySet().iterator().next());
        }
        StringBuilder sql = new StringBuilder("case");
        districtsByToday.forEach((day, districts) -> sql.append(" when s.district_id in (")
                .append(param(districts))
                .append(") then ")
                .append(date(day)));
        return sql.append(" end").toString();
    }

    private String date(LocalDate day) {
        return "cast(" + param(day) + " as date)";
    }
}
