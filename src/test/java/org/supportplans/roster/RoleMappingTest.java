package org.supportplans.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportplans.people.Role;

/** Our roles from a OneRoster role and a job title, with a district's own rows over the defaults. */
class RoleMappingTest {

    private final RoleMapping defaults = RoleMapping.defaults();

    @Test
    void aJobTitleOfTheSchoolTeamWinsOverTheOneRosterRole() {
        assertThat(defaults.roleOf("teacher", "School Psychologist")).contains(Role.SCHOOL_PSYCHOLOGIST);
        assertThat(defaults.roleOf("teacher", "  special   EDUCATION teacher "))
                .contains(Role.SPECIAL_EDUCATION_TEACHER);
        assertThat(defaults.roleOf("teacher", "Classroom Teacher")).contains(Role.GENERAL_EDUCATION_TEACHER);
        assertThat(defaults.roleOf("teacher", "")).contains(Role.GENERAL_EDUCATION_TEACHER);
        assertThat(defaults.roleOf("districtAdministrator", null)).contains(Role.DISTRICT_ADMIN);
    }

    @Test
    void aidesAndRolesNotOfTheTeamGetNoRole() {
        assertThat(defaults.roleOf("aide", "Paraprofessional")).isEmpty();
        assertThat(defaults.roleOf("proctor", "")).isEmpty();
        assertThat(defaults.roleOf("guardian", "")).isEmpty();
    }

    @Test
    void aDistrictMapsItsOwnTitlesAndChangesTheDefaults() {
        RoleMapping district = defaults.with(List.of(
                new RoleMapping.Entry(RoleMapping.Source.TITLE, "Educational Diagnostician", "school-psychologist"),
                new RoleMapping.Entry(RoleMapping.Source.ROLE, "aide", "special-education-teacher"),
                new RoleMapping.Entry(RoleMapping.Source.ROLE, "counselor", null)));

        assertThat(district.roleOf("teacher", "educational diagnostician")).contains(Role.SCHOOL_PSYCHOLOGIST);
        assertThat(district.roleOf("aide", "Paraprofessional")).contains(Role.SPECIAL_EDUCATION_TEACHER);
        assertThat(district.roleOf("counselor", "")).isEqualTo(Optional.empty());
        assertThat(defaults.roleOf("counselor", "")).contains(Role.MENTAL_HEALTH);
    }

    @Test
    void aRosterUsernameBecomesAUserIdCamundaTakes() {
        assertThat(RosterImport.userIdOf("Dana.Whitfield@Lakeview.k12.co.us"))
                .isEqualTo("dana-whitfield-lakeview-k12-co-us");
        assertThat(RosterImport.userIdOf("coordinator")).isEqualTo("coordinator");
        assertThat(RosterImport.userIdOf("__x__")).isEqualTo("x");
    }
}
