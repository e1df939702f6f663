package org.supportplans.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.audit.AuditTrail;
import org.supportplans.people.Role;
import org.supportplans.people.SchoolTenants;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotAllowedException;
import org.supportplans.system.NotFoundException;

/**
 * The sessions a billing vendor may claim from public benefits (34 CFR 300.154(d)): those delivered at a school in a
 * period while the parents' consent was in force (the last decision on or before the session's day is GIVEN), with
 * what a claim needs: the student's id and date of birth, the service, who provided it and in which role (their
 * credential: a licence number is not recorded here), the day, the minutes, the consent's date and the last yearly
 * notice. For district administrators only; every case exported is named in the audit log. No claims are made here.
 */
@Service
class MedicaidSessions {

    record Row(
            String caseId,
            String studentLocalId,
            LocalDate dateOfBirth,
            String serviceId,
            String service,
            String providerId,
            String providerCredential,
            LocalDate sessionDate,
            int minutes,
            boolean makeUp,
            LocalDate consentGivenOn,
            LocalDate lastNoticeOn) {}

    private record Decision(LocalDate on, String decision) {}

    private final JdbcTemplate jdbc;
    private final SchoolTenants schools;

    MedicaidSessions(JdbcTemplate jdbc, SchoolTenants schools) {
        this.jdbc = jdbc;
        this.schools = schools;
    }

    @Transactional(readOnly = true)
    public List<Row> rows(ServicesOwedReport.Filter filter, CurrentStaff staff) {
        if (!staff.isMemberOf(Role.DISTRICT_ADMIN.groupId()) && !staff.isMemberOf(Groups.CAMUNDA_ADMIN)) {
            throw new NotAllowedException("The billing export is for district administrators.");
        }
        jdbc.queryForList("select id from school where id = ?", String.class, filter.school()).stream()
                .findFirst()
                .filter(found -> staff.isMemberOf(Groups.CAMUNDA_ADMIN) || schools.maySee(staff, filter.school()))
                .orElseThrow(() -> new NotFoundException("No school " + filter.school() + "."));
        Map<String, List<Decision>> consents = new HashMap<>();
        Map<String, TreeMap<LocalDate, LocalDate>> notices = new HashMap<>();
        jdbc.query(
                "select d.case_id, d.decided_on, d.decision from public_benefits_consent d"
                        + " join support_case c on c.id = d.case_id where c.school_id = ? order by d.decided_on, d.id",
                rs -> {
                    consents.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Decision(rs.getDate(2).toLocalDate(), rs.getString(3)));
                },
                filter.school());
        jdbc.query(
                "select n.case_id, n.sent_on from public_benefits_notice n"
                        + " join support_case c on c.id = n.case_id where c.school_id = ?",
                rs -> {
                    LocalDate on = rs.getDate(2).toLocalDate();
                    notices.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .put(on, on);
                },
                filter.school());
        String sql = "select s.case_id, st.local_id, st.date_of_birth, s.plan_id, s.service_number, ps.service,"
                + " s.provider_id, ps.provider_role, s.session_date, s.minutes, s.make_up"
                + " from service_session s"
                + " join support_case c on c.id = s.case_id"
                + " join student st on st.id = c.student_id"
                + " join plan_service ps on ps.plan_id = s.plan_id and ps.position = s.service_number - 1"
                + " where s.school_id = ? and s.status = 'DELIVERED' and s.session_date between ? and ?"
                + " order by s.session_date, st.local_id, s.id";
        List<Row> rows = new ArrayList<>();
        jdbc.query(
                sql,
                rs -> {
                    String caseId = rs.getString(1);
                    LocalDate day = rs.getDate(9).toLocalDate();
                    LocalDate consentOn = consentInForce(consents.getOrDefault(caseId, List.of()), day);
                    if (consentOn == null) {
                        return;
                    }
                    Map.Entry<LocalDate, LocalDate> notice =
                            notices.getOrDefault(caseId, new TreeMap<>()).floorEntry(day);
                    rows.add(new Row(
                            caseId,
                            rs.getString(2),
                            rs.getDate(3).toLocalDate(),
                            rs.getLong(4) + "." + rs.getInt(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            day,
                            rs.getInt(10),
                            rs.getBoolean(11),
                            consentOn,
                            notice == null ? null : notice.getKey()));
                },
                filter.school(),
                Date.valueOf(filter.from()),
                Date.valueOf(filter.to()));
        AuditTrail.shown(rows.size(), rows.stream().map(Row::caseId).collect(java.util.stream.Collectors.toSet()));
        return rows;
    }

    /** The day consent was given, when the parents' last decision on or before {@code day} gave it; else null. */
    static LocalDate consentInForce(List<Decision> decisions, LocalDate day) {
        Decision last = null;
        for (Decision decision : decisions) {
            if (!decision.on().isAfter(day)) {
                last = decision;
            }
        }
        return last != null && last.decision().equals("GIVEN") ? last.on() : null;
    }

    @RestController
    @RequestMapping("/api/reports")
    @Tag(name = "Reports")
    static class Controller {

        private static final Set<String> NONE = Set.of();

        private final MedicaidSessions sessions;

        Controller(MedicaidSessions sessions) {
            this.sessions = sessions;
        }

        @GetMapping("/medicaid-sessions")
        @Operation(
                summary = "The sessions delivered at a school from `from` to `to` while the parents' consent to bill"
                        + " public benefits was in force (34 CFR 300.154(d)), with the fields a billing vendor needs;"
                        + " CSV with `Accept: text/csv`. District administrators; every case exported is audited")
        List<Row> json(
                @Parameter(description = "a school id") @RequestParam(required = false) String school,
                @Parameter(description = "from this day (YYYY-MM-DD)") @RequestParam(required = false) String from,
                @Parameter(description = "to this day, at most 366 days in all") @RequestParam(required = false)
                        String to) {
            return sessions.rows(ServicesOwedReport.Filter.of(school, from, to, null), CurrentStaff.require());
        }

        @GetMapping(path = "/medicaid-sessions", produces = "text/csv")
        ResponseEntity<String> csv(
                @RequestParam(required = false) String school,
                @RequestParam(required = false) String from,
                @RequestParam(required = false) String to) {
            return ServicesOwedController.csv("medicaid-sessions", Row.class, json(school, from, to));
        }
    }
}
