package org.supportplans.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The repositories of the case records; only this module's services use them. */
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

interface ReferralRepository extends JpaRepository<Referral, Long> {

    List<Referral> findByCaseIdOrderById(String caseId);
}

interface TriageDecisionRepository extends JpaRepository<TriageDecision, Long> {

    List<TriageDecision> findByCaseIdOrderById(String caseId);
}

interface ParentNoticeRepository extends JpaRepository<ParentNotice, Long> {

    List<ParentNotice> findByCaseIdOrderById(String caseId);
}

interface ConsentRequestRepository extends JpaRepository<ConsentRequest, Long> {

    List<ConsentRequest> findByCaseIdOrderById(String caseId);

    Optional<ConsentRequest> findFirstByCaseIdAndKindOrderByIdDesc(String caseId, ConsentKind kind);
}

interface EvaluationRepository extends JpaRepository<Evaluation, Long> {

    List<Evaluation> findByCaseIdOrderById(String caseId);

    Optional<Evaluation> findFirstByCaseIdOrderByIdDesc(String caseId);
}

interface EligibilityDecisionRepository extends JpaRepository<EligibilityDecision, Long> {

    List<EligibilityDecision> findByCaseIdOrderById(String caseId);

    Optional<EligibilityDecision> findFirstByCaseIdOrderByIdDesc(String caseId);
}

interface MeetingRepository extends JpaRepository<Meeting, Long> {

    List<Meeting> findByCaseIdOrderById(String caseId);

    Optional<Meeting> findFirstByCaseIdAndPurposeOrderByIdDesc(String caseId, MeetingPurpose purpose);
}

interface SupportPlanRepository extends JpaRepository<SupportPlan, Long> {

    List<SupportPlan> findByCaseIdOrderById(String caseId);

    List<SupportPlan> findByCaseIdAndStatus(String caseId, PlanStatus status);
}

interface TeacherNotificationRepository extends JpaRepository<TeacherNotification, Long> {

    List<TeacherNotification> findByCaseIdOrderById(String caseId);

    boolean existsByPlanIdAndTeacherId(Long planId, String teacherId);
}

interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {

    List<CaseEvent> findByCaseIdOrderByOccurredOnAscIdAsc(String caseId);
}
