package org.supportplans.cases;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.system.NotFoundException;

/** Where a case is and whose it is, for the other modules' own use (no access check: they act for the case). */
@Service
@Transactional(readOnly = true)
public class CaseDirectory {

    private final EntityManager entityManager;

    CaseDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
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
        return find(caseId).getSchool().getStaff();
    }

    /** The facts of a case. */
    public CaseFacts facts(String caseId) {
        SupportCase c = find(caseId);
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

    /** An open case of a student, and its phase. */
    public record OpenCase(String caseId, String schoolId, CasePhase phase) {}

    /** The open cases of the district's student with that local (SIS) id: one at most, as the schema keeps it. */
    public java.util.List<OpenCase> openCasesOf(String districtId, String studentLocalId) {
        return entityManager
                .createQuery(
                        "select c.id, c.school.id, c.phase from SupportCase c where c.student.districtId = :district"
                                + " and c.student.localId = :localId and c.status = :open",
                        Object[].class)
                .setParameter("district", districtId)
                .setParameter("localId", studentLocalId)
                .setParameter("open", CaseStatus.OPEN)
                .getResultList()
                .stream()
                .map(row -> new OpenCase((String) row[0], (String) row[1], (CasePhase) row[2]))
                .toList();
    }

    /** The local (SIS) id of the case's student. */
    public String studentLocalIdOf(String caseId) {
        return find(caseId).getStudent().getLocalId();
    }

    /** Whether the district has any case yet, closed ones included. */
    public boolean hasCases(String districtId) {
        return !entityManager
                .createQuery("select c.id from SupportCase c where c.school.district.id = :district", String.class)
                .setParameter("district", districtId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /**
     * The case as this transaction already holds it, else read with its student, school and district in one
     * query (the steps of a case ask for its facts once or twice a transaction: four look-ups each, before).
     */
    private SupportCase find(String caseId) {
        EntityGraph<SupportCase> place = entityManager.createEntityGraph(SupportCase.class);
        place.addAttributeNodes("student");
        place.addSubgraph("school").addAttributeNodes("district");
        SupportCase found =
                entityManager.find(SupportCase.class, caseId, Map.of("jakarta.persistence.fetchgraph", place));
        if (found == null) {
            throw new NotFoundException("No case " + caseId + ".");
        }
        return found;
    }
}
