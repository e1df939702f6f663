package org.supportplans.people;

import jakarta.persistence.EntityManager;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotAllowedException;
import org.supportplans.system.NotFoundException;

/**
 * Who may see and who may administer a district (its schools, its school calendars). A district exists
 * for the administrators and for the staff of its schools; to anyone else it does not: the API answers
 * 404, as for an unknown id. Of its staff, the district administrators may change it.
 */
@Component
public class DistrictAccess {

    private final DistrictRepository districts;
    private final EntityManager entityManager;

    DistrictAccess(DistrictRepository districts, EntityManager entityManager) {
        this.districts = districts;
        this.entityManager = entityManager;
    }

    /** The district, if the staff member may see it; otherwise "not found". */
    @Transactional(readOnly = true)
    public District visible(String districtId, CurrentStaff staff) {
        return districts
                .findById(districtId)
                .filter(district -> isAdmin(staff) || worksIn(staff, districtId))
                .orElseThrow(() -> new NotFoundException("No district " + districtId + "."));
    }

    /**
     * The district, if the staff member may change it: an administrator, or a district administrator
     * working at one of its schools. Other staff of the district are refused (403), anyone else gets
     * "not found".
     */
    @Transactional(readOnly = true)
    public District administered(String districtId, CurrentStaff staff) {
        District district = visible(districtId, staff);
        if (!isAdmin(staff) && !staff.isMemberOf(Role.DISTRICT_ADMIN.groupId())) {
            throw new NotAllowedException(
                    "Only a district administrator of " + districtId + " or an administrator may change it.");
        }
        return district;
    }

    static boolean isAdmin(CurrentStaff staff) {
        return staff.isMemberOf(Groups.CAMUNDA_ADMIN);
    }

    private boolean worksIn(CurrentStaff staff, String districtId) {
        return entityManager
                        .createQuery(
                                "select count(s) from School s where s.district.id = :districtId"
                                        + " and :userId member of s.staff",
                                Long.class)
                        .setParameter("districtId", districtId)
                        .setParameter("userId", staff.userId())
                        .getSingleResult()
                > 0;
    }
}
