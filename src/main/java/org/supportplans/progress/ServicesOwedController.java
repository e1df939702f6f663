package org.supportplans.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.InvalidFilter;

/** The services owed to the students of a school: JSON, or CSV with {@code Accept: text/csv}. */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
class ServicesOwedController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ServicesOwedReport report;

    ServicesOwedController(ServicesOwedReport report) {
        this.report = report;
    }

    @GetMapping("/services-owed")
    @Operation(
            summary = "Minutes of IEP services owed to each student of a school from `from` to `to`: prescribed"
                    + " minus delivered, per service, per week and for the period, most owed first",
            description = "Prescribed: each school day of the calendar carries the service's minutes (DAILY), a fifth"
                    + " of them (WEEKLY) or its month's share (MONTHLY). Delivered includes make-ups. A session"
                    + " missed because the student was absent or the school was closed is excused; one missed"
                    + " because the provider was absent or for another reason stays owed.")
    ServicesOwedReport.Report servicesOwed(
            @Parameter(description = "a school id") @RequestParam(required = false) String school,
            @Parameter(description = "from this day (YYYY-MM-DD)") @RequestParam(required = false) String from,
            @Parameter(description = "to this day, at most 366 days in all") @RequestParam(required = false) String to,
            @Parameter(description = "only the services of this provider role (e.g. speech-language-pathologist)")
                    @RequestParam(required = false)
                    String providerRole,
            @Parameter(
                            description =
                                    "true (the default): each row with its weeks; false: the rows without their"
                                            + " weeks (the same figures for the period, a far shorter answer for a long period)")
                    @RequestParam(required = false)
                    String weeks,
            @Parameter(
                            description = "rows per page, 1 to 500 (default: every row); the totals and rowCount still"
                                    + " cover every row")
                    @RequestParam(required = false)
                    String size,
            @Parameter(description = "the page, from 0 (with size; default 0)") @RequestParam(required = false)
                    String page) {
        ServicesOwedReport.Filter filter = ServicesOwedReport.Filter.of(school, from, to, providerRole);
        return report.report(filter, CurrentStaff.require(), withWeeks(weeks), ServicesOwedReport.Page.of(page, size));
    }

    private static boolean withWeeks(String weeks) {
        if (weeks == null || weeks.equals("true")) {
            return true;
        }
        if (weeks.equals("false")) {
            return false;
        }
        throw new InvalidFilter("weeks \"" + weeks + "\" is not one of: true, false.");
    }

    @GetMapping(path = "/services-owed", produces = "text/csv")
    ResponseEntity<String> servicesOwedCsv(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String providerRole,
            @Parameter(description = "service (default: one row per service) or week (one row per service and week)")
                    @RequestParam(required = false)
                    String rows) {
        if (rows != null && !rows.equals("service") && !rows.equals("week")) {
            throw new InvalidFilter("rows \"" + rows + "\" is not one of: service, week.");
        }
        ServicesOwedReport.Report answer = report.report(
                ServicesOwedReport.Filter.of(school, from, to, providerRole),
                CurrentStaff.require(),
                "week".equals(rows));
        return "week".equals(rows)
                ? csv("services-owed-weeks", ServicesOwedReport.WeekRow.class, answer.weekRows())
                : csv("services-owed", ServicesOwedReport.Row.class, answer.rows());
    }

    /** RFC 4180, a header row named as the JSON's fields; the weeks of a service row are left to the week rows. */
    static <R extends Record> ResponseEntity<String> csv(String name, Class<R> type, List<R> rows) {
        RecordComponent[] columns = Arrays.stream(type.getRecordComponents())
                .filter(column -> !List.class.isAssignableFrom(column.getType()))
                .toArray(RecordComponent[]::new);
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(Arrays.stream(columns).map(RecordComponent::getName).toArray(String[]::new))
                .get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (R row : rows) {
                for (RecordComponent column : columns) {
                    Object value = column.getAccessor().invoke(row);
                    printer.print(value == null ? "" : value.toString());
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read a field of " + type.getSimpleName(), e);
        }
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + ".csv")
                                .build()
                                .toString())
                .body(out.toString());
    }
}
