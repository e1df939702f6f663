package org.supportplans.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.UserQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.supportplans.system.AsApplication;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.StaffTenants;
import org.supportplans.system.StartupLock;

/**
 * Who sees which school, and the same in Camunda: one tenant per school (tenant id = school id), whose
 * process instances, tasks, jobs and history only its members see (Tasklist, Cockpit, the engine REST API
 * and our API alike; {@code camunda-admin} members pass the check).
 *
 * <p>A staff member sees the schools they work at ({@code school_staff}). A district administrator
 * sees every school of each district they work in: the district is what they report on, and a school
 * added later joins their view without anyone assigning them to it.
 *
 * <p>Our {@code school_staff} table is the source of truth. Our API and the engine REST API compute a
 * user's tenants from it at every request; the web apps read Camunda's tenant memberships, which this
 * class keeps in step: at every start (idempotent, like {@link RoleGroups}), when a school is created and
 * when a staff member's schools change.
 */
@Component
@Order(3)
public class SchoolTenants implements ApplicationRunner, StaffTenants {

    private static final Logger log = LoggerFactory.getLogger(SchoolTenants.class);

    private final IdentityService identityService;
    private final NamedParameterJdbcTemplate jdbc;
    private final AsApplication asApplication;
    private final StartupLock startupLock;

    SchoolTenants(
            IdentityService identityService,
            NamedParameterJdbcTemplate jdbc,
            AsApplication asApplication,
            StartupLock startupLock) {
        this.startupLock = startupLock;
        this.identityService = identityService;
        this.jdbc = jdbc;
        this.asApplication = asApplication;
    }

    /**
     * The ids of the schools a user sees, as a SQL sub-query with the user id as the named parameter
     * {@code userParam} (e.g. {@code :caller}).
     */
    public static String visibleSchoolsSql(boolean districtAdmin, String userParam) {
        if (!districtAdmin) {
            return "select ss.school_id from school_staff ss where ss.user_id = " + userParam;
        }
        return "select district_school.id from school district_school"
                + " where district_school.district_id in (select worked.district_id from school worked"
                + " join school_staff ws on ws.school_id = worked.id where ws.user_id = " + userParam + ")";
    }

    public static boolean isDistrictAdmin(List<String> groupIds) {
        return groupIds.contains(Role.DISTRICT_ADMIN.groupId());
    }

    /** The schools the user sees (for an administrator: those they work at; they pass every check anyway). */
    public Set<String> visibleSchoolIds(String userId, List<String> groupIds) {
        return new LinkedHashSet<>(jdbc.queryForList(
                visibleSchoolsSql(isDistrictAdmin(groupIds), ":user") + " order by 1",
                Map.of("user", userId),
                String.class));
    }

    /** Whether the staff member may see the cases of the school. */
    public boolean maySee(CurrentStaff staff, String schoolId) {
        return staff.isMemberOf(Groups.CAMUNDA_ADMIN)
                || visibleSchoolIds(staff.userId(), staff.groupIds()).contains(schoolId);
    }

    @Override
    public List<String> tenantIdsOf(String userId, List<String> groupIds) {
        return new ArrayList<>(visibleSchoolIds(userId, groupIds));
    }

    /**
     * A new school: its tenant, and the district administrators of its district as members. Call after the
     * school's row is written (flushed), in the transaction that writes it.
     */
    public void schoolCreated(String schoolId, String name, String districtId) {
        asApplication.call(() -> {
            ensureTenant(schoolId, name);
            List<String> districtStaff = jdbc.queryForList(
                    "select distinct ss.user_id from school_staff ss join school s on s.id = ss.school_id"
                            + " where s.district_id = :district",
                    Map.of("district", districtId),
                    String.class);
            Set<String> schools = schoolIds();
            districtStaff.forEach(userId -> syncMemberships(userId, schools));
            return null;
        });
    }

    /** A staff member's schools (or roles) changed: their tenant memberships follow. */
    public void staffChanged(String userId) {
        asApplication.call(() -> {
            syncMemberships(userId, schoolIds());
            return null;
        });
    }

    @Override
    public void run(ApplicationArguments args) {
        // reads, then creates tenants and memberships: one node of a cluster at a time
        startupLock.whileHolding(this::ensureAll);
    }

    /**
     * Every school's tenant and every staff member's memberships, with a handful of queries whatever the
     * number of staff: the tenants and their members, the Camunda users, the district administrators and
     * each user's schools are read once each, then only the differences are written.
     */
    private void ensureAll() {
        asApplication.call(() -> {
            Set<String> tenants = new HashSet<>();
            identityService.createTenantQuery().list().forEach(tenant -> tenants.add(tenant.getId()));
            Set<String> schools = new HashSet<>();
            jdbc.query("select id, name from school", Map.of(), rs -> {
                schools.add(rs.getString("id"));
                if (tenants.add(rs.getString("id"))) {
                    ensureTenant(rs.getString("id"), rs.getString("name"));
                }
            });
            Map<String, Set<String>> held = new HashMap<>();
            for (String tenantId : tenants) {
                identityService
                        .createUserQuery()
                        .memberOfTenant(tenantId)
                        .list()
                        .forEach(user -> held.computeIfAbsent(user.getId(), id -> new HashSet<>())
                                .add(tenantId));
            }
            Set<String> districtAdmins =
                    userIds(identityService.createUserQuery().memberOfGroup(Role.DISTRICT_ADMIN.groupId()));
            Map<String, Set<String>> wanted = visibleSchoolsOfAllStaff(false);
            visibleSchoolsOfAllStaff(true).forEach((userId, seen) -> {
                if (districtAdmins.contains(userId)) {
                    wanted.put(userId, seen);
                }
            });
            Set<String> users = new HashSet<>(held.keySet());
            users.addAll(wanted.keySet());
            // on the staff list but without a Camunda user (yet): nobody can sign in as them
            users.retainAll(userIds(identityService.createUserQuery()));
            users.forEach(userId -> bringInStep(
                    userId, wanted.getOrDefault(userId, Set.of()), held.getOrDefault(userId, Set.of()), schools));
            log.info("A Camunda tenant for every school, memberships of {} staff in step", users.size());
            return null;
        });
    }

    /** The schools each staff member sees, as a staff member or ({@code districtAdmin}) as a district administrator. */
    private Map<String, Set<String>> visibleSchoolsOfAllStaff(boolean districtAdmin) {
        Map<String, Set<String>> seen = new HashMap<>();
        jdbc.query(
                "select staff.user_id, s.id from (select distinct user_id from school_staff) staff"
                        + " join school s on s.id in (" + visibleSchoolsSql(districtAdmin, "staff.user_id") + ")",
                Map.of(),
                rs -> {
                    seen.computeIfAbsent(rs.getString(1), id -> new HashSet<>()).add(rs.getString(2));
                });
        return seen;
    }

    private static Set<String> userIds(UserQuery query) {
        Set<String> ids = new HashSet<>();
        query.list().forEach(user -> ids.add(user.getId()));
        return ids;
    }

    private Set<String> schoolIds() {
        return new HashSet<>(jdbc.queryForList("select id from school", Map.of(), String.class));
    }

    private void ensureTenant(String schoolId, String name) {
        if (identityService.createTenantQuery().tenantId(schoolId).count() > 0) {
            return;
        }
        Tenant tenant = identityService.newTenant(schoolId);
        tenant.setName(name);
        identityService.saveTenant(tenant);
    }

    private void syncMemberships(String userId, Set<String> schools) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            return; // on the staff list, but no Camunda user (yet): nobody can sign in as them
        }
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> group.getId())
                .toList();
        Set<String> held = new HashSet<>();
        for (Tenant tenant :
                identityService.createTenantQuery().userMember(userId).list()) {
            held.add(tenant.getId());
        }
        bringInStep(userId, visibleSchoolIds(userId, groups), held, schools);
    }

    /** Adds the memberships the user lacks and removes those of schools they no longer see. */
    private void bringInStep(String userId, Set<String> wanted, Set<String> held, Set<String> schools) {
        for (String schoolId : wanted) {
            if (!held.contains(schoolId)) {
                identityService.createTenantUserMembership(schoolId, userId);
            }
        }
        for (String tenantId : held) {
            // tenants that are not schools were made by hand in Camunda Admin: not ours to take away
            if (!wanted.contains(tenantId) && schools.contains(tenantId)) {
                identityService.deleteTenantUserMembership(tenantId, userId);
            }
        }
    }
}
