package org.supportplans.roster;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.people.Role;
import org.supportplans.system.RuleViolation;

/** Each district's role mapping: the defaults of {@link RoleMapping} with the district's own rows over them. */
@Component
class RoleMappings {

    private final NamedParameterJdbcTemplate jdbc;

    RoleMappings(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    RoleMapping of(String districtId) {
        return RoleMapping.defaults().with(own(districtId));
    }

    List<RoleMapping.Entry> own(String districtId) {
        return jdbc.query(
                "select source, source_value, role from roster_role_mapping where district_id = :district"
                        + " order by source, source_value",
                Map.of("district", districtId),
                (rs, n) -> new RoleMapping.Entry(
                        RoleMapping.Source.valueOf(rs.getString("source")),
                        rs.getString("source_value"),
                        rs.getString("role")));
    }

    /** Replaces the district's own rows; each names one of our roles or none. */
    @Transactional
    void replace(String districtId, List<RoleMapping.Entry> entries) {
        for (RoleMapping.Entry entry : entries) {
            if (entry.source() == null
                    || entry.value() == null
                    || entry.value().isBlank()
                    || entry.value().length() > 100) {
                throw new RuleViolation("Each row needs a source (ROLE or TITLE) and a value of 1 to 100 characters.");
            }
            if (entry.role() != null && Role.ofGroupId(entry.role()).isEmpty()) {
                throw new RuleViolation("\"" + entry.role() + "\" is not one of our roles.");
            }
            if (entry.source() == RoleMapping.Source.ROLE && !RosterImport.PERSON_ROLES.contains(entry.value())) {
                throw new RuleViolation("\"" + entry.value() + "\" is not a OneRoster role.");
            }
        }
        jdbc.update("delete from roster_role_mapping where district_id = :district", Map.of("district", districtId));
        jdbc.batchUpdate(
                "insert into roster_role_mapping (district_id, source, source_value, role)"
                        + " values (:district, :source, :value, :role)",
                entries.stream()
                        .map(entry -> new MapSqlParameterSource()
                                .addValue("district", districtId)
                                .addValue("source", entry.source().name())
                                .addValue(
                                        "value",
                                        entry.source() == RoleMapping.Source.TITLE
                                                ? RoleMapping.normalised(entry.value())
                                                : entry.value())
                                .addValue("role", entry.role()))
                        .distinct()
                        .toArray(MapSqlParameterSource[]::new));
    }
}
