package org.supportplans.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.people.DistrictAccess;
import org.supportplans.people.School;
import org.supportplans.people.SchoolRepository;
import org.supportplans.people.SchoolTenants;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.InvalidFilter;
import org.supportplans.system.NotFoundException;

/**
 * Who sees what in a report, as for the deadlines: staff see the cases of the schools they work at, a
 * district administrator those of every school of their districts, the administrators every school
 * ({@link SchoolTenants}). A district or a school the caller may not see does not exist for them: the
 * report answers 404, as for an unknown id.
 */
@Component
class CaseScopes {

    private final NamedParameterJdbcTemplate jdbc;
    private final DistrictAccess districts;
    private final SchoolRepository schools;
    private final SchoolTenants tenants;
    private final java.time.Clock time;

    CaseScopes(
            NamedParameterJdbcTemplate jdbc,
            DistrictAccess districts,
            SchoolRepository schools,
            SchoolTenants tenants,
            java.time.Clock time) {
        this.jdbc = jdbc;
        this.districts = districts;
        this.schools = schools;
        this.tenants = tenants;
        this.time = time;
    }

    /**
     * The cases of the filter the caller may see: conditions on {@code sc} (support_case) and {@code s}
     * (its school). The filter's dates are left to the report.
     */
    @Transactional(readOnly = true)
    CaseScope of(ReportFilter filter, CurrentStaff staff) {
        CaseScope scope = schoolsOf(filter, staff);
        if (filter.planKind() != null) {
            scope.and("exists (select 1 from case_plan_kind k where k.case_id = sc.id and k.plan_kind = "
                    + scope.param(filter.planKind().name()) + ")");
        }
        return scope;
    }

    /** The schools of the filter the caller may see, as conditions on {@code s} (school). */
    @Transactional(readOnly = true)
    CaseScope schoolsOf(ReportFilter filter, CurrentStaff staff) {
        if (filter.districtId() != null) {
            districts.visible(filter.districtId(), staff);
        }
        if (filter.schoolId() != null) {
            School school = schools.findById(filter.schoolId())
                    .filter(s -> tenants.maySee(staff, s.getId()))
                    .orElseThrow(() -> new NotFoundException("No school " + filter.schoolId() + "."));
            if (filter.districtId() != null && !school.getDistrict().getId().equals(filter.districtId())) {
                throw new InvalidFilter("The school " + filter.schoolId() + " is not a school of the district "
                        + filter.districtId() + ".");
            }
        }
        CaseScope scope = new CaseScope(todayByDistrict(), LocalDate.now(time.withZone(ZoneOffset.UTC)));
        if (!isAdmin(staff)) {
            scope.and("s.id in ("
                    + SchoolTenants.visibleSchoolsSql(
                            SchoolTenants.isDistrictAdmin(staff.groupIds()), scope.param(staff.userId()))
                    + ")");
        }
        if (filter.districtId() != null) {
            scope.and("s.district_id = " + scope.param(filter.districtId()));
        }
        if (filter.schoolId() != null) {
            scope.and("s.id = " + scope.param(filter.schoolId()));
        }
        return scope;
    }

    /** Today in each district's time zone. */
    Map<String, LocalDate> todayByDistrict() {
        Map<String, LocalDate> today = new HashMap<>();
        jdbc.query("select id, time_zone from district", new MapSqlParameterSource(), rs -> {
            today.put(rs.getString("id"), LocalDate.now(time.withZone(ZoneId.of(rs.getString("time_zone")))));
        });
        return today;
    }

    private static boolean isAdmin(CurrentStaff staff) {
        return staff.isMemberOf(Groups.CAMUNDA_ADMIN);
    }
}
