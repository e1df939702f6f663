package org.supportplans.roster;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A student's teachers of record as the district's roster gives them (the teachers of the classes the student is
 * enrolled in): the teachers told what to provide when a plan takes effect. Empty when the district loads no
 * roster, or the roster has no classes for the student.
 */
@Component
public class TeachersOfRecord {

    private final NamedParameterJdbcTemplate jdbc;

    TeachersOfRecord(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The user ids of the teachers of record of the district's student with that local (SIS) id. */
    public List<String> of(String districtId, String studentLocalId) {
        return jdbc.queryForList(
                "select t.teacher_user_id from roster_teacher_of_record t join roster_student s"
                        + " on s.district_id = t.district_id and s.sourced_id = t.student_sourced_id"
                        + " where s.district_id = :district and s.local_id = :localId and s.active"
                        + " order by t.teacher_user_id",
                Map.of("district", districtId, "localId", studentLocalId),
                String.class);
    }
}
