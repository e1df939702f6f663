package org.supportplans.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.system.CurrentStaff;

@RestController
@Tag(name = "Cases")
class CaseTimelineController {

    private final CaseTimeline timelines;

    CaseTimelineController(CaseTimeline timelines) {
        this.timelines = timelines;
    }

    @GetMapping(path = "/api/cases/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A case's milestones, the days between them, its steps and its clocks (CSV: the milestones)")
    CaseTimeline.Timeline timeline(@PathVariable String id) {
        return timelines.of(id, CurrentStaff.require());
    }

    @GetMapping(path = "/api/cases/{id}/timeline", produces = Csv.TEXT_CSV)
    ResponseEntity<String> timelineCsv(@PathVariable String id) {
        return Csv.of(
                "timeline",
                CaseTimeline.Milestone.class,
                timelines.of(id, CurrentStaff.require()).milestones());
    }
}
