package org.supportplans.people;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.system.CurrentStaff;

/** Who is signed in, in which roles, at which schools. */
@RestController
@RequestMapping("/api")
public class StaffController {

    private final IdentityService identityService;
    private final SchoolRepository schools;
    private final SchoolTenants tenants;

    public StaffController(IdentityService identityService, SchoolRepository schools, SchoolTenants tenants) {
        this.identityService = identityService;
        this.schools = schools;
        this.tenants = tenants;
    }

    public record SchoolView(String id, String name, String districtId, String state) {
        static SchoolView of(School school) {
            return new SchoolView(
                    school.getId(),
                    school.getName(),
                    school.getDistrict().getId(),
                    school.getDistrict().getState());
        }
    }

    public record Me(String userId, String firstName, String lastName, List<String> roles, List<SchoolView> schools) {}

    @GetMapping("/me")
    @Transactional(readOnly = true)
    public Me me() {
        CurrentStaff staff = CurrentStaff.require();
        User user = identityService.createUserQuery().userId(staff.userId()).singleResult();
        List<String> roles = staff.groupIds().stream()
                .filter(id -> Role.ofGroupId(id).isPresent())
                .sorted()
                .toList();
        return new Me(
                staff.userId(),
                user == null ? null : user.getFirstName(),
                user == null ? null : user.getLastName(),
                roles,
                mySchools(staff));
    }

    /**
     * The schools the signed-in staff member sees: those they work at, for a district administrator every
     * school of their districts, for an administrator all.
     */
    @GetMapping("/schools")
    @Transactional(readOnly = true)
    public List<SchoolView> schools() {
        return mySchools(CurrentStaff.require());
    }

    private List<SchoolView> mySchools(CurrentStaff staff) {
        boolean isAdmin = staff.isMemberOf(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
        var visible = tenants.visibleSchoolIds(staff.userId(), staff.groupIds());
        return schools.findAllWithDistrict().stream()
                .filter(school -> isAdmin || visible.contains(school.getId()))
                .map(SchoolView::of)
                .toList();
    }
}
