package org.supportplans.cases;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.people.School;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotFoundException;

/**
 * Who may see a case: the staff of its school, and the administrators. To anyone else a case does not
 * exist: the API answers 404 and does not reveal it.
 */
@Component
public class CaseAccess {

    private final SupportCaseRepository cases;

    CaseAccess(SupportCaseRepository cases) {
        this.cases = cases;
    }

    public boolean mayWorkAt(CurrentStaff staff, School school) {
        return staff.isMemberOf(Groups.CAMUNDA_ADMIN) || school.employs(staff.userId());
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
