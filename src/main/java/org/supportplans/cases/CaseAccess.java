package org.supportplans.cases;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.people.School;
import org.supportplans.people.SchoolTenants;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotFoundException;

/**
 * Who may see a case: the staff of its school, the district administrators of its district, and the
 * administrators (see {@link SchoolTenants}: the engine applies the same rule to the case's tasks). To
 * anyone else a case does not exist: the API answers 404 and does not reveal it.
 */
@Component
public class CaseAccess {

    private final SupportCaseRepository cases;
    private final SchoolTenants schools;

    CaseAccess(SupportCaseRepository cases, SchoolTenants schools) {
        this.cases = cases;
        this.schools = schools;
    }

    public boolean mayWorkAt(CurrentStaff staff, School school) {
        return staff.isMemberOf(Groups.CAMUNDA_ADMIN) || schools.maySee(staff, school.getId());
    }

    /** The case, if the staff member may see it; otherwise "not found". */
    SupportCase visibleCase(String caseId, CurrentStaff staff) {
        return cases.findById(caseId)
                .filter(supportCase -> mayWorkAt(staff, supportCase.getSchool()))
                .orElseThrow(() -> new NotFoundException("No case " + caseId + "."));
    }

    /** Fails with "not found" unless the staff member may see the case. */
    @Transactional(readOnly = true)
    public void requireVisible(String caseId, CurrentStaff staff) {
        visibleCase(caseId, staff);
    }
}
