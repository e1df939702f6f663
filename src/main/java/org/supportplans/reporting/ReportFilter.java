package org.supportplans.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.supportplans.cases.PlanKind;
import org.supportplans.system.InvalidFilter;

/**
 * The filters every report takes, each optional: a district, a school, a plan kind (the cases whose plans
 * include it) and a date range, both days included. Which date the range filters is the report's choice.
 */
record ReportFilter(String districtId, String schoolId, PlanKind planKind, LocalDate from, LocalDate to) {

    ReportFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidFilter("from (" + from + ") is after to (" + to + ").");
        }
    }

    /** The filter from the request's parameters, as given (blank means not given); bad values are refused. */
    static ReportFilter of(String district, String school, String planKind, String from, String to) {
        return new ReportFilter(
                blankToNull(district), blankToNull(school), planKind(planKind), date("from", from), date("to", to));
    }

    boolean includes(LocalDate day) {
        return day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    private static PlanKind planKind(String value) {
        String kind = blankToNull(value);
        if (kind == null) {
            return null;
        }
        return Arrays.stream(PlanKind.values())
                .filter(k -> k.name().equalsIgnoreCase(kind))
                .findFirst()
                .orElseThrow(() -> new InvalidFilter("There is no plan kind \"" + kind + "\"; the kinds are: "
                        + Arrays.stream(PlanKind.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + "."));
    }

    private static LocalDate date(String name, String value) {
        String day = blankToNull(value);
        if (day == null) {
            return null;
        }
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new InvalidFilter(name + " \"" + day + "\" is not a date (YYYY-MM-DD).");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
