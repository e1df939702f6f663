package org.supportplans.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.system.CurrentStaff;

@RestController
@Tag(name = "Cases")
class CaseTimelineController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final CaseTimeline timelines;

    CaseTimelineController(CaseTimeline timelines) {
        this.timelines = timelines;
    }

    @GetMapping(path = "/api/cases/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A case's milestones, the days between them, its steps and its clocks (CSV: the milestones)")
    CaseTimeline.Timeline timeline(@PathVariable String id) {
        return timelines.of(id, CurrentStaff.require());
    }

    @GetMapping(path = "/api/cases/{id}/timeline", produces = "text/csv")
    ResponseEntity<String> timelineCsv(@PathVariable String id) {
        CaseTimeline.Timeline timeline = timelines.of(id, CurrentStaff.require());
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(
                                "caseId",
                                "kind",
                                "date",
                                "actor",
                                "description",
                                "calendarDaysSincePrevious",
                                "schoolDaysSincePrevious")
                        .get())) {
            for (CaseTimeline.Milestone m : timeline.milestones()) {
                csv.printRecord(
                        timeline.caseId(),
                        m.kind(),
                        m.date(),
                        m.actor(),
                        m.description(),
                        m.calendarDaysSincePrevious(),
                        m.schoolDaysSincePrevious());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(CSV).body(out.toString());
    }
}
