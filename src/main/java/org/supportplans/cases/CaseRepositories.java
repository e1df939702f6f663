package org.supportplans.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The repositories of cases (each with its records), students and timelines; only this module uses them. */
final class CaseRepositories {

    private CaseRepositories() {}
}

interface StudentRepository extends JpaRepository<Student, String> {

    Optional<Student> findByDistrictIdAndLocalId(String districtId, String localId);
}

interface SupportCaseRepository extends JpaRepository<SupportCase, String>, JpaSpecificationExecutor<SupportCase> {

    @Query("select c from SupportCase c where c.openStudentId = :studentId")
    Optional<SupportCase> findOpenCaseOf(@Param("studentId") String studentId);
}

interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {

    List<CaseEvent> findByCaseIdOrderByOccurredOnAscIdAsc(String caseId);
}
