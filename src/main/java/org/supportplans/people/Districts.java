package org.supportplans.people;

import jakarta.persistence.EntityManager;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotAllowedException;
import org.supportplans.system.NotFoundException;
import org.supportplans.system.RuleViolation;

/** Creating districts and their schools, and reading them, for the staff who may (see {@link DistrictAccess}). */
@Service
class Districts {

    private final DistrictRepository districts;
    private final SchoolRepository schools;
    private final DistrictAccess access;
    private final EntityManager entityManager;
    private final SchoolTenants tenants;

    Districts(
            DistrictRepository districts,
            SchoolRepository schools,
            DistrictAccess access,
            EntityManager entityManager,
            SchoolTenants tenants) {
        this.districts = districts;
        this.schools = schools;
        this.access = access;
        this.entityManager = entityManager;
        this.tenants = tenants;
    }

    /** Only an administrator creates districts; a taken id is refused (a race is caught by the primary key). */
    @Transactional
    District create(String id, String name, String state, ZoneId timeZone, CurrentStaff staff) {
        if (!DistrictAccess.isAdmin(staff)) {
            throw new NotAllowedException("Only an administrator may create a district.");
        }
        if (districts.existsById(id)) {
            throw new AlreadyExistsException("There is already a district " + id + ".");
        }
        District district = new District(id, name, state, timeZone);
        entityManager.persist(district);
        return district;
    }

    /** A new school of the district, with no staff yet; school ids are unique across districts. */
    @Transactional
    School addSchool(String districtId, String id, String name, CurrentStaff staff) {
        District district = access.administered(districtId, staff);
        if (schools.existsById(id)) {
            throw new AlreadyExistsException("There is already a school " + id + ".");
        }
        School school = new School(id, district, name);
        entityManager.persist(school);
        entityManager.flush();
        // its Camunda tenant, in the same transaction: no school without one
        tenants.schoolCreated(id, name, districtId);
        return school;
    }

    @Transactional(readOnly = true)
    DistrictController.DistrictView read(String districtId, CurrentStaff staff) {
        District district = access.visible(districtId, staff);
        return DistrictController.DistrictView.of(district, schoolsOf(districtId));
    }

    @Transactional(readOnly = true)
    DistrictController.SchoolView readSchool(String districtId, String schoolId, CurrentStaff staff) {
        access.visible(districtId, staff);
        return schools.findById(schoolId)
                .filter(school -> school.getDistrict().getId().equals(districtId))
                .map(DistrictController.SchoolView::of)
                .orElseThrow(() -> new NotFoundException("No school " + schoolId + " in " + districtId + "."));
    }

    @Transactional(readOnly = true)
    FamilyContact familyContact(String districtId, CurrentStaff staff) {
        return access.visible(districtId, staff).getFamilyContact();
    }

    @Transactional
    FamilyContact setFamilyContact(String districtId, FamilyContact contact, CurrentStaff staff) {
        District district = access.administered(districtId, staff);
        if (contact.office() != null && contact.phone() == null && contact.email() == null) {
            throw new RuleViolation(
                    "An office needs a phone number or an e-mail address, so that families can reach it.");
        }
        if (contact.parentCenterName() == null
                && (contact.parentCenterPhone() != null || contact.parentCenterUrl() != null)) {
            throw new RuleViolation("Name the parent center whose phone number or web address this is.");
        }
        district.setFamilyContact(contact);
        return district.getFamilyContact();
    }

    private List<School> schoolsOf(String districtId) {
        return entityManager
                .createQuery("select s from School s where s.district.id = :districtId order by s.name", School.class)
                .setParameter("districtId", districtId)
                .getResultList();
    }
}
