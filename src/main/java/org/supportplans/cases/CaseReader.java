package org.supportplans.cases;

import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.system.CurrentStaff;

/** Reads cases for the staff who may see them. */
@Service
@Transactional(readOnly = true)
public class CaseReader {

    private final CaseAccess access;
    private final SupportCaseRepository cases;
    private final CaseEventRepository events;
    private final CaseClocks clocks;

    CaseReader(CaseAccess access, SupportCaseRepository cases, CaseEventRepository events, CaseClocks clocks) {
        this.access = access;
        this.cases = cases;
        this.events = events;
        this.clocks = clocks;
    }

    private LocalDate due(String caseId, ClockKind clockKind) {
        return clocks.dueOf(caseId, clockKind).orElse(null);
    }

    public CaseView read(String caseId, CurrentStaff staff) {
        SupportCase c = access.visibleCase(caseId, staff);
        Student s = c.getStudent();
        return new CaseView(
                c.getId(),
                c.getStatus(),
                c.getPhase(),
                c.getPlanKinds(),
                new CaseView.StudentView(s.getLocalId(), s.getFirstName(), s.getLastName(), s.getDateOfBirth()),
                new CaseView.SchoolView(c.getSchool().getId(), c.getSchool().getName()),
                c.getParentLanguage(),
                c.getOpenedOn(),
                c.getClosedOn(),
                c.getClosureReason(),
                new CaseView.DueDates(
                        due(
                                caseId,
                                c.getPlanKinds().contains(PlanKind.SECTION_504)
                                                && !c.getPlanKinds().contains(PlanKind.IEP)
                                        ? ClockKind.SECTION_504_EVALUATION
                                        : ClockKind.INITIAL_EVALUATION),
                        due(caseId, ClockKind.IEP_MEETING),
                        due(
                                caseId,
                                c.getPlanKinds().contains(PlanKind.IEP)
                                                || c.getPlanKinds().isEmpty()
                                        ? ClockKind.ANNUAL_REVIEW
                                        : ClockKind.PLAN_REVIEW),
                        due(caseId, ClockKind.REEVALUATION)),
                clocks.clocksOf(caseId),
                c.getReferrals().stream()
                        .map(r -> new CaseView.ReferralView(
                                r.getReceivedOn(),
                                r.getReferredByRole(),
                                r.getReferredByName(),
                                r.getConcerns(),
                                r.isParentRequestedEvaluation(),
                                r.getReason(),
                                r.getRecordedBy()))
                        .toList(),
                c.getTriages().stream()
                        .map(t -> new CaseView.TriageView(
                                t.getOutcome(),
                                t.getDecidedOn(),
                                t.getDecidedBy(),
                                t.getFollowUpOn(),
                                t.getParentAgreed(),
                                t.getRationale()))
                        .toList(),
                c.getConsents().stream()
                        .map(r -> new CaseView.ConsentView(
                                r.getKind(),
                                r.getRequestedOn(),
                                r.getRemindersSent(),
                                r.getDecision(),
                                r.getDecidedOn(),
                                r.getRecordedVia()))
                        .toList(),
                c.getNotices().stream().map(PlanVersions::view).toList(),
                c.getEvaluations().stream()
                        .map(e -> new CaseView.EvaluationView(
                                e.getKind(),
                                e.getConsentOn(),
                                e.getDueOn(),
                                e.getCompletedOn(),
                                e.getContinuedEligibility(),
                                e.getAreas().stream()
                                        .map(a -> new CaseView.AreaView(
                                                a.getArea(),
                                                a.getRole(),
                                                a.getCompletedOn(),
                                                a.getEvaluatedBy(),
                                                a.getFindings()))
                                        .toList()))
                        .toList(),
                c.getEligibilities().stream()
                        .map(d -> new CaseView.EligibilityView(
                                d.getDecidedOn(),
                                d.getOutcome(),
                                d.getIdeaCategories(),
                                d.getRationale(),
                                d.getDecidedBy(),
                                d.getTeam(),
                                d.getSldReport()))
                        .toList(),
                c.getMeetings().stream()
                        .map(m -> new CaseView.MeetingView(
                                m.getPurpose(),
                                m.getScheduledOn(),
                                m.getLocation(),
                                m.getNoticeSentOn(),
                                m.getHeldOn(),
                                m.getParticipants(),
                                m.getNotes()))
                        .toList(),
                PlanVersions.views(c),
                c.getTeacherNotifications().stream()
                        .map(n -> new CaseView.TeacherNotificationView(
                                n.getPlanId(),
                                n.getTeacherId(),
                                n.getRole(),
                                n.getToProvide(),
                                n.getNotifiedAt(),
                                n.isEmailed()))
                        .toList(),
                c.getPlans().stream()
                        .filter(SupportPlan::isInEffect)
                        .map(PlanVersions::view)
                        .toList());
    }

    public List<CaseView.Event> timeline(String caseId, CurrentStaff staff) {
        access.visibleCase(caseId, staff);
        return events.findByCaseIdOrderByOccurredOnAscIdAsc(caseId).stream()
                .map(e -> new CaseView.Event(
                        e.getOccurredOn(), e.getKind(), e.getDescription(), e.getActor(), e.getRecordedAt()))
                .toList();
    }

    /** Filters of the case list; null means "any". */
    public record Filter(String schoolId, CasePhase phase, PlanKind planKind, CaseStatus status) {}

    public Page<CaseView.Summary> list(Filter filter, Pageable page, CurrentStaff staff) {
        Specification<SupportCase> visible = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (!staff.isMemberOf(Groups.CAMUNDA_ADMIN)) {
                where.add(cb.isMember(staff.userId(), root.join("school").<java.util.Set<String>>get("staff")));
            }
            if (filter.schoolId() != null) {
                where.add(cb.equal(root.get("school").get("id"), filter.schoolId()));
            }
            if (filter.phase() != null) {
                where.add(cb.equal(root.get("phase"), filter.phase()));
            }
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.planKind() != null) {
                where.add(cb.isMember(filter.planKind(), root.<java.util.Set<PlanKind>>get("planKinds")));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return cases.findAll(visible, page)
                .map(c -> new CaseView.Summary(
                        c.getId(),
                        c.getStudent().fullName(),
                        c.getStudent().getLocalId(),
                        c.getSchool().getId(),
                        c.getStatus(),
                        c.getPhase(),
                        c.getPlanKinds(),
                        c.getOpenedOn(),
                        c.getClosedOn()));
    }
}
