package org.supportplans.progress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.cases.CaseView.PlanView;
import org.supportplans.cases.PlanKind;
import org.supportplans.cases.PlanService;
import org.supportplans.cases.PlanStatus;
import org.supportplans.cases.PlanVersions;
import org.supportplans.people.Role;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotAllowedException;
import org.supportplans.system.NotExpectedNow;
import org.supportplans.system.NotFoundException;
import org.supportplans.system.RuleViolation;

/**
 * The sessions of a service of an IEP (34 CFR 300.320(a)(4), (7)), as its provider logs them: the day, the minutes,
 * delivered or missed and why, and whether it makes up an earlier missed session. A session is a record of its own
 * that names the service ({@code "<planId>.<n>"}); the plan version is never changed.
 */
@Service
class Sessions {

    private static final Set<PlanStatus> IMPLEMENTED =
            Set.of(PlanStatus.IN_EFFECT, PlanStatus.SUPERSEDED, PlanStatus.ENDED);

    record SessionRequest(
            LocalDate date,
            Integer minutes,
            SessionStatus status,
            MissedReason missedReason,
            Boolean makeUp,
            String note) {}

    record SessionView(
            long id,
            String serviceId,
            LocalDate date,
            int minutes,
            SessionStatus status,
            MissedReason missedReason,
            boolean makeUp,
            String note,
            String providerId) {}

    private final JdbcTemplate jdbc;
    private final PlanVersions versions;
    private final CaseDirectory directory;
    private final ServiceWeeks weeks;
    private final Clock clock;

    Sessions(JdbcTemplate jdbc, PlanVersions versions, CaseDirectory directory, ServiceWeeks weeks, Clock clock) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.directory = directory;
        this.weeks = weeks;
        this.clock = clock;
    }

    @Transactional
    public SessionView log(String caseId, String serviceId, SessionRequest request, CurrentStaff staff) {
        PlanItem item = PlanItem.parse(serviceId, "service");
        PlanView plan = versions.versions(caseId).stream()
                .filter(p -> p.id() == item.planId() && p.kind() == PlanKind.IEP)
                .findFirst()
                .filter(p -> item.number() <= p.services().size())
                .orElseThrow(() -> new NotFoundException("No service " + serviceId + " in case " + caseId + "."));
        if (!IMPLEMENTED.contains(plan.status())) {
            throw new NotExpectedNow("Service " + serviceId + " belongs to version " + plan.version()
                    + " of the IEP, which was never in effect (" + plan.status() + ").");
        }
        PlanService service = plan.services().get(item.number() - 1);
        if (!staff.isMemberOf(service.providerRole())
                && !staff.isMemberOf(Role.COORDINATOR.groupId())
                && !staff.isMemberOf(Role.SPECIAL_EDUCATION_TEACHER.groupId())
                && !staff.isMemberOf(Groups.CAMUNDA_ADMIN)) {
            throw new NotAllowedException("Sessions of this service are logged by its provider ("
                    + service.providerRole() + "), a coordinator or a special education teacher.");
        }
        boolean makeUp = Boolean.TRUE.equals(request.makeUp());
        if (request.status() == SessionStatus.DELIVERED && request.missedReason() != null) {
            throw new RuleViolation("missedReason: only for a session MISSED.");
        }
        if (request.status() == SessionStatus.MISSED && request.missedReason() == null) {
            throw new RuleViolation(
                    "missedReason: required for a session missed (STUDENT_ABSENT, PROVIDER_ABSENT, SCHOOL_CLOSED,"
                            + " OTHER).");
        }
        if (request.status() == SessionStatus.MISSED && makeUp) {
            throw new RuleViolation("makeUp: a make-up session is one delivered.");
        }
        LocalDate today = LocalDate.now(clock.withZone(directory.facts(caseId).timeZone()));
        if (request.date().isAfter(today)) {
            throw new RuleViolation("date: " + request.date() + " is after today (" + today + ").");
        }
        LocalDate from = latest(service.startsOn(), Goals.from(plan));
        LocalDate to = earliest(service.endsOn(), Goals.to(plan));
        if (request.date().isBefore(from) || request.date().isAfter(to)) {
            throw new RuleViolation("date: " + request.date() + " is outside the service's dates in this version of"
                    + " the IEP (" + from + " to " + to + ").");
        }
        String schoolId = directory.facts(caseId).schoolId();
        long id = new SimpleJdbcInsert(jdbc)
                .withTableName("service_session")
                .usingColumns(
                        "case_id",
                        "school_id",
                        "plan_id",
                        "service_number",
                        "session_date",
                        "minutes",
                        "status",
                        "missed_reason",
                        "make_up",
                        "note",
                        "provider_id",
                        "recorded_at")
                .usingGeneratedKeyColumns("id")
                .executeAndReturnKey(new MapSqlParameterSource()
                        .addValue("case_id", caseId)
                        .addValue("school_id", schoolId)
                        .addValue("plan_id", plan.id())
                        .addValue("service_number", item.number())
                        .addValue("session_date", Date.valueOf(request.date()))
                        .addValue("minutes", request.minutes())
                        .addValue("status", request.status().name())
                        .addValue(
                                "missed_reason",
                                request.missedReason() == null
                                        ? null
                                        : request.missedReason().name())
                        .addValue("make_up", makeUp)
                        .addValue("note", request.note())
                        .addValue("provider_id", staff.userId())
                        .addValue("recorded_at", Timestamp.from(clock.instant())))
                .longValue();
        if (request.status() == SessionStatus.DELIVERED) {
            weeks.delivered(schoolId, plan.id(), item.number(), request.date(), request.minutes(), makeUp);
        }
        return new SessionView(
                id,
                item.toString(),
                request.date(),
                request.minutes(),
                request.status(),
                request.missedReason(),
                makeUp,
                request.note(),
                staff.userId());
    }

    /** The case's sessions, newest first. */
    @Transactional(readOnly = true)
    public List<SessionView> ofCase(String caseId) {
        return jdbc.query(
                "select id, plan_id, service_number, session_date, minutes, status, missed_reason, make_up, note,"
                        + " provider_id from service_session where case_id = ? order by session_date desc, id desc",
                (rs, i) -> new SessionView(
                        rs.getLong(1),
                        rs.getLong(2) + "." + rs.getInt(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getInt(5),
                        SessionStatus.valueOf(rs.getString(6)),
                        rs.getString(7) == null ? null : MissedReason.valueOf(rs.getString(7)),
                        rs.getBoolean(8),
                        rs.getString(9),
                        rs.getString(10)),
                caseId);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
