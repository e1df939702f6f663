package org.supportplans.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.cases.CaseAccess;
import org.supportplans.cases.CaseClocks;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.cases.ClockKind;
import org.supportplans.cases.ClockStart;
import org.supportplans.cases.ClockStop;
import org.supportplans.people.Role;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotAllowedException;
import org.supportplans.system.NotExpectedNow;
import org.supportplans.system.RuleViolation;

/**
 * Medicaid readiness, as data only (34 CFR 300.154(d)): the parents' one-time written consent for the school to bill
 * the child's public benefits or insurance, their refusal, its withdrawal (each decision a record, in order); and the
 * written notification sent before the first bill and every year after, whose clock ({@code medicaid-notice}) is due a
 * year after the last one. Nothing else reads these records but the billing export: a refusal or a withdrawal never
 * changes the child's services, which stay at no cost to the parents (300.154(d)(2)(v)(D)).
 */
@Service
class PublicBenefits {

    enum Decision {
        GIVEN,
        REFUSED,
        WITHDRAWN
    }

    record DecisionView(long id, Decision decision, LocalDate decidedOn, String note, String recordedBy) {}

    record NoticeView(long id, LocalDate sentOn, String recordedBy) {}

    /** The consent in force ({@code NONE} before any decision), since when, the decisions and the notices. */
    record View(
            String consent,
            LocalDate consentSince,
            LocalDate nextNoticeDue,
            List<DecisionView> decisions,
            List<NoticeView> notices) {}

    private final JdbcTemplate jdbc;
    private final CaseDirectory directory;
    private final CaseClocks clocks;
    private final Clock clock;

    PublicBenefits(JdbcTemplate jdbc, CaseDirectory directory, CaseClocks clocks, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clocks = clocks;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public View of(String caseId) {
        List<DecisionView> decisions = decisions(caseId);
        List<NoticeView> notices = jdbc.query(
                "select id, sent_on, recorded_by from public_benefits_notice where case_id = ? order by sent_on, id",
                (rs, i) -> new NoticeView(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3)),
                caseId);
        DecisionView last = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        return new View(
                last == null ? "NONE" : last.decision().name(),
                last == null ? null : last.decidedOn(),
                notices.isEmpty()
                        ? null
                        : clocks.dueOf(caseId, ClockKind.MEDICAID_NOTICE).orElse(null),
                decisions,
                notices);
    }

    /**
     * A decision of the parents, in order: consent is given once (300.154(d)(2)(iv)) and stays until withdrawn
     * (300.154(d)(2)(v)(C)); a refusal is recorded when none is in force.
     */
    @Transactional
    public DecisionView decide(String caseId, Decision decision, LocalDate on, String note, CurrentStaff staff) {
        requireRecorder(staff);
        requireDate(caseId, on, "date");
        List<DecisionView> decisions = decisions(caseId);
        DecisionView last = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        if (last != null && on.isBefore(last.decidedOn())) {
            throw new RuleViolation("date: " + on + " is before the parents' last decision (" + last.decision() + " on "
                    + last.decidedOn() + "); record the decisions in order.");
        }
        boolean inForce = last != null && last.decision() == Decision.GIVEN;
        if (decision == Decision.GIVEN && inForce) {
            throw new NotExpectedNow("The parents' consent is in force since " + last.decidedOn()
                    + ": it is given once, and stays until they withdraw it.");
        }
        if (decision == Decision.REFUSED && inForce) {
            throw new NotExpectedNow("The parents' consent is in force since " + last.decidedOn()
                    + ": record its withdrawal (WITHDRAWN), not a refusal.");
        }
        if (decision == Decision.WITHDRAWN && !inForce) {
            throw new NotExpectedNow("No consent is in force to withdraw.");
        }
        jdbc.update(
                "insert into public_benefits_consent (case_id, decision, decided_on, note, recorded_by, recorded_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                caseId,
                decision.name(),
                Date.valueOf(on),
                note,
                staff.userId(),
                Timestamp.from(clock.instant()));
        List<DecisionView> after = decisions(caseId);
        return after.get(after.size() - 1);
    }

    /** The written notification sent (300.154(d)(2)(v)): its clock met, the next year's started. */
    @Transactional
    public NoticeView noticeSent(String caseId, LocalDate on, CurrentStaff staff) {
        requireRecorder(staff);
        requireDate(caseId, on, "sentOn");
        List<LocalDate> sent = jdbc.queryForList(
                "select sent_on from public_benefits_notice where case_id = ? order by sent_on desc",
                LocalDate.class,
                caseId);
        if (!sent.isEmpty() && !on.isAfter(sent.get(0))) {
            throw new RuleViolation("sentOn: " + on + " is not after the last notice (" + sent.get(0) + ").");
        }
        jdbc.update(
                "insert into public_benefits_notice (case_id, sent_on, recorded_by, recorded_at) values (?, ?, ?, ?)",
                caseId,
                Date.valueOf(on),
                staff.userId(),
                Timestamp.from(clock.instant()));
        clocks.stop(caseId, ClockKind.MEDICAID_NOTICE, ClockStop.BENEFITS_NOTICE_SENT, on);
        clocks.start(caseId, ClockKind.MEDICAID_NOTICE, ClockStart.BENEFITS_NOTICE, on);
        Long id =
                jdbc.queryForObject("select max(id) from public_benefits_notice where case_id = ?", Long.class, caseId);
        return new NoticeView(id, on, staff.userId());
    }

    private List<DecisionView> decisions(String caseId) {
        return jdbc.query(
                "select id, decision, decided_on, note, recorded_by from public_benefits_consent where case_id = ?"
                        + " order by decided_on, id",
                (rs, i) -> new DecisionView(
                        rs.getLong(1),
                        Decision.valueOf(rs.getString(2)),
                        rs.getDate(3).toLocalDate(),
                        rs.getString(4),
                        rs.getString(5)),
                caseId);
    }

    private static void requireRecorder(CurrentStaff staff) {
        if (!staff.isMemberOf(Role.COORDINATOR.groupId())
                && !staff.isMemberOf(Role.DISTRICT_ADMIN.groupId())
                && !staff.isMemberOf(Groups.CAMUNDA_ADMIN)) {
            throw new NotAllowedException(
                    "The parents' consent on public benefits and its notices are recorded by coordinators and"
                            + " district administrators.");
        }
    }

    /** A day of the case: not after today in the district, not before the case's first referral. */
    private void requireDate(String caseId, LocalDate on, String name) {
        CaseDirectory.CaseFacts facts = directory.facts(caseId);
        LocalDate today = LocalDate.now(clock.withZone(facts.timeZone()));
        if (on.isAfter(today)) {
            throw new RuleViolation(name + ": " + on + " is after today (" + today + ").");
        }
        if (facts.referredOn() != null && on.isBefore(facts.referredOn())) {
            throw new RuleViolation(name + ": " + on + " is before the case's referral (" + facts.referredOn() + ").");
        }
    }

    /** {@code /api/cases/{id}/public-benefits}: the consent and the notices of a case. */
    @RestController
    @RequestMapping("/api/cases/{id}/public-benefits")
    @Tag(name = "Between reviews")
    static class Controller {

        private final CaseAccess access;
        private final PublicBenefits benefits;

        Controller(CaseAccess access, PublicBenefits benefits) {
            this.access = access;
            this.benefits = benefits;
        }

        record ConsentJson(
                @NotNull Decision decision,
                @NotNull LocalDate date,
                @Size(max = 2000) String note) {}

        record NoticeJson(@NotNull LocalDate sentOn) {}

        @GetMapping
        @Operation(
                summary = "The parents' consent to bill public benefits (34 CFR 300.154(d)(2)(iv)) in force or not,"
                        + " their decisions, the yearly notices (300.154(d)(2)(v)) and when the next is due")
        View get(@PathVariable String id) {
            access.requireVisible(id, CurrentStaff.require());
            return benefits.of(id);
        }

        @PostMapping("/consent")
        @Operation(
                summary = "Record the parents' written decision on billing public benefits: GIVEN (once), REFUSED,"
                        + " WITHDRAWN. Services never depend on it (300.154(d)(2)(v)(D))")
        ResponseEntity<DecisionView> consent(@PathVariable String id, @Valid @RequestBody ConsentJson body) {
            CurrentStaff staff = CurrentStaff.require();
            access.requireVisible(id, staff);
            DecisionView saved = benefits.decide(id, body.decision(), body.date(), body.note(), staff);
            return ResponseEntity.created(URI.create("/api/cases/" + id + "/public-benefits"))
                    .body(saved);
        }

        @PostMapping("/notices")
        @Operation(
                summary = "Record the written notification on billing public benefits sent to the parents: the"
                        + " medicaid-notice clock is met and the next one, due a year later, starts")
        ResponseEntity<NoticeView> notice(@PathVariable String id, @Valid @RequestBody NoticeJson body) {
            CurrentStaff staff = CurrentStaff.require();
            access.requireVisible(id, staff);
            NoticeView saved = benefits.noticeSent(id, body.sentOn(), staff);
            return ResponseEntity.created(URI.create("/api/cases/" + id + "/public-benefits"))
                    .body(saved);
        }
    }
}
