package org.supportplans.cases;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.system.NotFoundException;

/** Where a case is and whose it is, for the other modules' own use (no access check: they act for the case). */
@Service
@Transactional(readOnly = true)
public class CaseDirectory {

    private final SupportCaseRepository cases;

    CaseDirectory(SupportCaseRepository cases) {
        this.cases = cases;
    }

    /** What other modules need to know of a case: where it is (district, state, time zone) and whose it is. */
    public record CaseFacts(
            String caseId,
            String schoolId,
            String schoolName,
            String districtId,
            String state,
            java.time.ZoneId timeZone,
            String studentName,
            LocalDate dateOfBirth) {}

    /** The user ids of the staff of the case's school. */
    public java.util.Set<String> staffOf(String caseId) {
        return cases.findById(caseId)
                .orElseThrow(() -> new NotFoundException("No case " + caseId + "."))
                .getSchool()
                .getStaff();
    }

    /** The facts of a case. */
    public CaseFacts facts(String caseId) {
        SupportCase c = cases.findById(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId + "."));
        return new CaseFacts(
                c.getId(),
                c.getSchool().getId(),
                c.getSchool().getName(),
                c.getSchool().getDistrict().getId(),
                c.getSchool().getDistrict().getState(),
                c.getSchool().getDistrict().getTimeZone(),
                c.getStudent().fullName(),
                c.getStudent().getDateOfBirth());
    }
}
