package org.supportplans.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.cases.CaseAccess;
import org.supportplans.system.CurrentStaff;

/** Between reviews: the goals of the IEP in effect and their data, the sessions of its services. */
@RestController
@RequestMapping("/api/cases/{id}")
@Tag(name = "Between reviews")
class ProgressController {

    private final CaseAccess access;
    private final Goals goals;
    private final Sessions sessions;

    ProgressController(CaseAccess access, Goals goals, Sessions sessions) {
        this.access = access;
        this.goals = goals;
        this.sessions = sessions;
    }

    record Measurement(
            @NotNull @Digits(integer = 10, fraction = 2) BigDecimal baseline,
            @NotNull @Digits(integer = 10, fraction = 2) BigDecimal target,
            @NotBlank @Size(max = 60) String unit,
            @NotBlank @Size(max = 500) String measuredHow,
            @NotNull Goals.MeasuredEvery measuredEvery,
            @NotBlank @Size(max = 64) String providerRole) {}

    record DataPoint(
            @NotNull LocalDate measuredOn,

            @NotNull @Digits(integer = 10, fraction = 2) @DecimalMin("-9999999999.99") @DecimalMax("9999999999.99")
            BigDecimal value,

            @Size(max = 2000) String note) {}

    record Session(
            @NotNull LocalDate date,
            @NotNull @Min(1) @Max(600) Integer minutes,
            @NotNull SessionStatus status,
            MissedReason missedReason,
            Boolean makeUp,
            @Size(max = 2000) String note) {}

    @GetMapping("/goals")
    @Operation(
            summary = "The measurable annual goals of the IEP in effect (34 CFR 300.320(a)(2)), each with how it is"
                    + " measured, its data points and whether it is on track (the latest point against the line"
                    + " from baseline to target)")
    List<Goals.GoalView> goals(@PathVariable String id) {
        access.requireVisible(id, CurrentStaff.require());
        return goals.inEffect(id);
    }

    @PutMapping("/goals/{goalId}/measurement")
    @Operation(
            summary = "How a goal is measured: baseline, target, unit, how, how often, by which provider; once"
                    + " (409 after: a different target is a change of the IEP)")
    Goals.GoalView measure(
            @PathVariable String id, @PathVariable String goalId, @Valid @RequestBody Measurement measurement) {
        CurrentStaff staff = CurrentStaff.require();
        access.requireVisible(id, staff);
        return goals.measure(
                id,
                goalId,
                new Goals.MeasurementRequest(
                        measurement.baseline(),
                        measurement.target(),
                        measurement.unit(),
                        measurement.measuredHow(),
                        measurement.measuredEvery(),
                        measurement.providerRole()),
                staff);
    }

    @PostMapping("/goals/{goalId}/data-points")
    @Operation(summary = "A data point on a goal of the IEP in effect (34 CFR 300.320(a)(3)(i))")
    ResponseEntity<Goals.DataPoint> dataPoint(
            @PathVariable String id, @PathVariable String goalId, @Valid @RequestBody DataPoint point) {
        CurrentStaff staff = CurrentStaff.require();
        access.requireVisible(id, staff);
        Goals.DataPoint saved = goals.record(
                id, goalId, new Goals.DataPointRequest(point.measuredOn(), point.value(), point.note()), staff);
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/goals")).body(saved);
    }

    @PostMapping("/services/{serviceId}/sessions")
    @Operation(
            summary = "A session of a service of the IEP (34 CFR 300.320(a)(7)): delivered, or missed with its"
                    + " reason (STUDENT_ABSENT, PROVIDER_ABSENT, SCHOOL_CLOSED, OTHER); makeUp for a session making"
                    + " up one missed")
    ResponseEntity<Sessions.SessionView> session(
            @PathVariable String id, @PathVariable String serviceId, @Valid @RequestBody Session session) {
        CurrentStaff staff = CurrentStaff.require();
        access.requireVisible(id, staff);
        Sessions.SessionView saved = sessions.log(
                id,
                serviceId,
                new Sessions.SessionRequest(
                        session.date(),
                        session.minutes(),
                        session.status(),
                        session.missedReason(),
                        session.makeUp(),
                        session.note()),
                staff);
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/sessions"))
                .body(saved);
    }

    @GetMapping("/sessions")
    @Operation(summary = "The sessions logged for the case's services, newest first")
    List<Sessions.SessionView> sessions(@PathVariable String id) {
        access.requireVisible(id, CurrentStaff.require());
        return sessions.ofCase(id);
    }
}
