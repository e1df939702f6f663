package org.supportplans.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The where clause of the deadlines list being built, its parameters, and today in each district as SQL. */
final class ClockWhere {
    final MapSqlParameterSource params = new MapSqlParameterSource();
    private final List<String> conditions = new ArrayList<>();
    // districts by their today (nearly always one date for all; two around midnight across time zones)
    private final Map<LocalDate, List<String>> districtsByToday = new TreeMap<>();
    private int dayParams;

    ClockWhere(Map<String, LocalDate> todayByDistrict) {
        todayByDistrict.forEach((district, day) ->
                districtsByToday.computeIfAbsent(day, d -> new ArrayList<>()).add(district));
    }

    void and(String condition) {
        conditions.add("(" + condition + ")");
    }

    String sql() {
        return conditions.isEmpty() ? "" : "where " + String.join("\nand ", conditions);
    }

    /** Today plus so many days in the district of the row's school, as a SQL expression. */
    String todayPlus(int days) {
        if (districtsByToday.size() <= 1) {
            LocalDate today = districtsByToday.isEmpty()
                    ? LocalDate.now(java.time.ZoneOffset.UTC)
                    : districtsByToday.keySet().iterator().next();
            return dayParam(today.plusDays(days));
        }
        StringBuilder sql = new StringBuilder("case");
        for (Map.Entry<LocalDate, List<String>> group : districtsByToday.entrySet()) {
            String districts = "days" + dayParams++;
            params.addValue(districts, group.getValue());
            sql.append(" when s.district_id in (:")
                    .append(districts)
                    .append(") then ")
                    .append(dayParam(group.getKey().plusDays(days)));
        }
        return sql.append(" end").toString();
    }

    private String dayParam(LocalDate day) {
        String name = "day" + dayParams++;
        params.addValue(name, day);
        return "cast(:" + name + " as date)";
    }
}
