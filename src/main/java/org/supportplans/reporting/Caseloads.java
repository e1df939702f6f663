package org.supportplans.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.CasePhase;
import org.supportplans.people.Role;
import org.supportplans.system.AsApplication;
import org.supportplans.system.CurrentStaff;

/**
 * Caseloads: the open cases by school and phase, and per staff member of the schools the open tasks they
 * hold (assigned to them, or offered to them or to one of their roles and not claimed yet, at the schools
 * where they work) with the open clocks (running, paused, overdue) of the cases of those tasks. The tasks
 * come from the engine's runtime tables, the rest from ours; the staff's roles from the identity service.
 */
@Service
@Transactional(readOnly = true)
class Caseloads {

    record Report(List<CaseRow> cases, List<StaffRow> staff) {}

    record CaseRow(String schoolId, String phase, long openCases) {}

    record StaffRow(String userId, List<String> roles, long openTasks, long runningClocks) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseScopes scopes;
    private final IdentityService identityService;
    private final AsApplication asApplication;

    Caseloads(
            NamedParameterJdbcTemplate jdbc,
            CaseScopes scopes,
            IdentityService identityService,
            AsApplication asApplication) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.identityService = identityService;
        this.asApplication = asApplication;
    }

    Report report(ReportFilter filter, CurrentStaff staff) {
        return new Report(cases(filter, staff), staff(filter, staff));
    }

    private List<CaseRow> cases(ReportFilter filter, CurrentStaff staff) {
        CaseScope scope = scopes.of(filter, staff);
        scope.and("sc.status = 'OPEN'");
        List<CaseRow> rows = jdbc.query(
                """
                select sc.school_id, sc.phase, count(*) as open_cases
                from support_case sc
                join school s on s.id = sc.school_id
                %s
                group by sc.school_id, sc.phase
                """.formatted(scope.where()),
                scope.params,
                (rs, n) -> new CaseRow(rs.getString("school_id"), rs.getString("phase"), rs.getLong("open_cases")));
        return rows.stream()
                .sorted(Comparator.comparing(CaseRow::schoolId)
                        .thenComparing(row -> CasePhase.valueOf(row.phase()).ordinal()))
                .toList();
    }

    /** An open task of an open case of the filter, with whom it is offered to while nobody holds it. */
    private record OpenTask(String schoolId, String caseId, String assignee, Set<String> groups, Set<String> users) {}

    private List<StaffRow> staff(ReportFilter filter, CurrentStaff caller) {
        // the staff of the filter's schools, and where each works
        CaseScope schoolScope = scopes.schoolsOf(filter, caller);
        Map<String, Set<String>> schoolsOf = new TreeMap<>();
        jdbc.query("""
                select ss.user_id, ss.school_id
                from school_staff ss
                join school s on s.id = ss.school_id
                %s
                """.formatted(schoolScope.where()), schoolScope.params, rs -> {
            schoolsOf
                    .computeIfAbsent(rs.getString("user_id"), u -> new HashSet<>())
                    .add(rs.getString("school_id"));
        });
        if (schoolsOf.isEmpty()) {
            return List.of();
        }

        // the open tasks of the open cases of the filter, by school, and the open clocks of their cases
        CaseScope scope = scopes.of(filter, caller);
        scope.and("sc.status = 'OPEN'");
        Map<String, OpenTask> tasks = new LinkedHashMap<>();
        Map<String, Long> openClocks = new HashMap<>();
        jdbc.query("""
                select t.id_ as task_id, sc.id as case_id, sc.school_id, t.assignee_ as assignee,
                       l.group_id_ as group_id, l.user_id_ as user_id,
                       (select count(*) from clock_deadline c
                        where c.case_id = sc.id and c.status in ('RUNNING', 'PAUSED', 'OVERDUE')) as open_clocks
                from support_case sc
                join school s on s.id = sc.school_id
                join act_ru_execution e on e.business_key_ = sc.id
                join act_ru_task t on t.proc_inst_id_ = e.id_
                left join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'
                %s
                """.formatted(scope.where()), scope.params, rs -> {
            String caseId = rs.getString("case_id");
            String schoolId = rs.getString("school_id");
            String assignee = rs.getString("assignee");
            OpenTask task = tasks.computeIfAbsent(
                    rs.getString("task_id"),
                    id -> new OpenTask(schoolId, caseId, assignee, new HashSet<>(), new HashSet<>()));
            openClocks.put(task.caseId(), rs.getLong("open_clocks"));
            if (rs.getString("group_id") != null) {
                task.groups().add(rs.getString("group_id"));
            }
            if (rs.getString("user_id") != null) {
                task.users().add(rs.getString("user_id"));
            }
        });
        Map<String, List<OpenTask>> tasksBySchool = new HashMap<>();
        tasks.values()
                .forEach(task -> tasksBySchool
                        .computeIfAbsent(task.schoolId(), s -> new ArrayList<>())
                        .add(task));

        Map<String, Set<String>> groupsOf = groupsOf(schoolsOf.keySet());
        List<StaffRow> rows = new ArrayList<>();
        schoolsOf.forEach((userId, schools) -> {
            Set<String> groups = groupsOf.getOrDefault(userId, Set.of());
            long held = 0;
            Set<String> casesHeld = new HashSet<>();
            for (String school : schools) {
                for (OpenTask task : tasksBySchool.getOrDefault(school, List.of())) {
                    if (holds(userId, groups, task)) {
                        held++;
                        casesHeld.add(task.caseId());
                    }
                }
            }
            long clocks = casesHeld.stream().mapToLong(openClocks::get).sum();
            List<String> roles = groups.stream()
                    .map(Role::ofGroupId)
                    .flatMap(Optional::stream)
                    .sorted()
                    .map(Role::groupId)
                    .toList();
            rows.add(new StaffRow(userId, roles, held, clocks));
        });
        return rows;
    }

    /** Assigned to the user, or not claimed and offered to them or to one of their groups. */
    private static boolean holds(String userId, Set<String> groups, OpenTask task) {
        if (task.assignee() != null) {
            return task.assignee().equals(userId);
        }
        return task.users().contains(userId) || task.groups().stream().anyMatch(groups::contains);
    }

    /** The groups of each user: a query per group, not per user (a district has far more staff than roles). */
    private Map<String, Set<String>> groupsOf(Set<String> userIds) {
        return asApplication.call(() -> {
            Map<String, Set<String>> groups = new HashMap<>();
            for (Group group : identityService.createGroupQuery().list()) {
                for (User user : identityService
                        .createUserQuery()
                        .memberOfGroup(group.getId())
                        .list()) {
                    if (userIds.contains(user.getId())) {
                        groups.computeIfAbsent(user.getId(), u -> new TreeSet<>())
                                .add(group.getId());
                    }
                }
            }
            return groups;
        });
    }
}
