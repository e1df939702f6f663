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
            LocalDate dateOfBirth,
            LocalDate referredOn) {}

    /** The IDEA categories of the case's last eligibility decision (e.g. INTELLECTUAL_DISABILITY); none before. */
    public java.util.Set<String> ideaCategories(String caseId) {
        return find(caseId)
                .lastEligibility()
                .map(decision -> decision.getIdeaCategories().stream()
                        .map(Enum::name)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()))
                .orElse(java.util.Set.of());
    }

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
                c.getStudent().getDateOfBirth(),
                c.firstReferralOn());
    }

    /** An open case of a student, and its phase. */
    public record OpenCase(String caseId, String schoolId, CasePhase phase) {}

    /** The district's open cases by their student's local (SIS) id: one query, whatever the number of students. */
    public java.util.Map<String, java.util.List<OpenCase>> openCasesByStudent(String districtId) {
        java.util.Map<String, java.util.List<OpenCase>> open = new java.util.HashMap<>();
        entityManager
                .createQuery(
                        "select c.student.localId, c.id, c.school.id, c.phase from SupportCase c"
                                + " where c.student.districtId = :district and c.status = :open",
                        Object[].class)
                .setParameter("district", districtId)
                .setParameter("open", CaseStatus.OPEN)
                .getResultList()
                .forEach(row -> open.computeIfAbsent((String) row[0], id -> new java.util.ArrayList<>())
                        .add(new OpenCase((String) row[1], (String) row[2], (CasePhase) row[3])));
        return open;
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
