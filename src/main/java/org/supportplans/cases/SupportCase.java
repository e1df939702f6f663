package org.supportplans.cases;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.OptimisticLock;
import org.supportplans.people.School;

/**
 * A student's case, from the first referral to the exit, with every record of it: referrals, triage, notices,
 * consents, evaluations, eligibility, meetings, plans and the teachers told. A student has at most one open
 * case ({@code open_student_id} is unique and cleared on closing); a second referral joins it.
 *
 * <p>The records are added through the case and written with it; each is read lazily, in the order it was
 * written. Adding one does not change the case's version: two staff recording different steps of one case
 * at once (two evaluators) do not make each other fail.
 */
@Entity
@Table(name = "support_case")
class SupportCase {

    @Id
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "student_id")
    private Student student;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "school_id")
    private School school;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CasePhase phase;

    @Column(name = "opened_on", nullable = false)
    private LocalDate openedOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "closure_reason")
    private ClosureReason closureReason;

    @Column(name = "open_student_id")
    private String openStudentId;

    /** The parents' native language, BCP 47 (34 CFR 300.503(c), 300.322(e)): documents are written in it. */
    @Column(name = "parent_language", nullable = false)
    private String parentLanguage = "en";

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_plan_kind", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "plan_kind")
    @Enumerated(EnumType.STRING)
    private Set<PlanKind> planKinds = new HashSet<>();

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "case_id", insertable = false, updatable = false)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    private List<Referral> referrals = new ArrayList<>();

    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "case_id", insertable = false, updatable = false)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    private List<TriageDecision> triages = new ArrayList<>();

    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "case_id", insertable = false, updatable = false)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    private List<ParentNotice> notices = new ArrayList<>();

    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "case_id", insertable = false, updatable = false)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    private List<ConsentRequest> consents = new ArrayList<>();

    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "case_id", insertable = false, updatable = false)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    private List<Evaluation> evaluations = new ArrayList<>();

    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "case_id", insertable = false, updatable = false)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    private List<EligibilityDecision> eligibilities = new ArrayList<>();

    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "case_id", insertable = false, updatable = false)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    private List<Meeting> meetings = new ArrayList<>();

    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "case_id", insertable = false, updatable = false)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    private List<SupportPlan> plans = new ArrayList<>();

    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "case_id", insertable = false, updatable = false)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    private List<TeacherNotification> teacherNotifications = new ArrayList<>();

    protected SupportCase() {}

    public SupportCase(Student student, School school, LocalDate openedOn) {
        this.id = UUID.randomUUID().toString();
        this.student = student;
        this.school = school;
        this.status = CaseStatus.OPEN;
        this.phase = CasePhase.TRIAGE;
        this.openedOn = openedOn;
        this.openStudentId = student.getId();
    }

    public String getId() {
        return id;
    }

    public Student getStudent() {
        return student;
    }

    public School getSchool() {
        return school;
    }

    public String getParentLanguage() {
        return parentLanguage;
    }

    /** The parents' language as the referral told it (a BCP 47 tag, already checked). */
    void recordParentLanguage(String languageTag) {
        this.parentLanguage = languageTag;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public boolean isOpen() {
        return status == CaseStatus.OPEN;
    }

    public CasePhase getPhase() {
        return phase;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public ClosureReason getClosureReason() {
        return closureReason;
    }

    public Set<PlanKind> getPlanKinds() {
        return planKinds.isEmpty() ? EnumSet.noneOf(PlanKind.class) : EnumSet.copyOf(planKinds);
    }

    public List<Referral> getReferrals() {
        return List.copyOf(referrals);
    }

    public List<TriageDecision> getTriages() {
        return List.copyOf(triages);
    }

    public List<ParentNotice> getNotices() {
        return List.copyOf(notices);
    }

    public List<ConsentRequest> getConsents() {
        return List.copyOf(consents);
    }

    public List<Evaluation> getEvaluations() {
        return List.copyOf(evaluations);
    }

    public List<EligibilityDecision> getEligibilities() {
        return List.copyOf(eligibilities);
    }

    public List<Meeting> getMeetings() {
        return List.copyOf(meetings);
    }

    public List<SupportPlan> getPlans() {
        return List.copyOf(plans);
    }

    public List<TeacherNotification> getTeacherNotifications() {
        return List.copyOf(teacherNotifications);
    }

    // ---- what the phases ask of the case's records ------------------------------------------------

    /** The day the first referral was received. */
    LocalDate firstReferralOn() {
        return referrals.get(0).getReceivedOn();
    }

    /** Whether any referral of the case came with the parents' request for an evaluation. */
    boolean parentRequestedEvaluation() {
        return referrals.stream().anyMatch(Referral::isParentRequestedEvaluation);
    }

    /** The latest request for consent of that kind, answered or not. */
    Optional<ConsentRequest> lastConsent(ConsentKind kind) {
        return latest(consents.stream().filter(request -> request.getKind() == kind));
    }

    /** The request for consent of that kind that the parents have not answered yet. */
    Optional<ConsentRequest> pendingConsent(ConsentKind kind) {
        return lastConsent(kind).filter(request -> !request.isAnswered());
    }

    /** The evaluation under way, or the last one. */
    Optional<Evaluation> currentEvaluation() {
        return latest(evaluations.stream());
    }

    /** Whether the last eligibility decision found the student not eligible for an IEP. */
    boolean notEligibleForIep() {
        return lastEligibility().map(d -> !d.getOutcome().needs(PlanKind.IEP)).orElse(false);
    }

    Optional<EligibilityDecision> lastEligibility() {
        return latest(eligibilities.stream());
    }

    /** The plan meeting, scheduled or held (not an annual review). */
    Optional<Meeting> planMeeting() {
        return latest(meetings.stream().filter(meeting -> meeting.getPurpose() == MeetingPurpose.PLAN));
    }

    List<SupportPlan> plans(PlanStatus status) {
        return plans.stream().filter(plan -> plan.getStatus() == status).toList();
    }

    boolean teacherNotified(Long planId, String teacherId) {
        return teacherNotifications.stream()
                .anyMatch(n -> n.getPlanId().equals(planId) && n.getTeacherId().equals(teacherId));
    }

    void add(Referral referral) {
        referrals.add(referral);
    }

    void add(TriageDecision triage) {
        triages.add(triage);
    }

    void add(ParentNotice notice) {
        notices.add(notice);
    }

    void add(ConsentRequest request) {
        consents.add(request);
    }

    void add(Evaluation evaluation) {
        evaluations.add(evaluation);
    }

    void add(EligibilityDecision decision) {
        eligibilities.add(decision);
    }

    void add(Meeting meeting) {
        meetings.add(meeting);
    }

    void add(SupportPlan plan) {
        plans.add(plan);
    }

    void add(TeacherNotification notification) {
        teacherNotifications.add(notification);
    }

    /** The last of records kept in the order they were added (ids grow with it; a new record has none yet). */
    private static <T> Optional<T> latest(java.util.stream.Stream<T> records) {
        return records.reduce((first, second) -> second);
    }

    void moveTo(CasePhase next) {
        requireOpen();
        this.phase = next;
    }

    void planFor(Collection<PlanKind> kinds) {
        planKinds.clear();
        planKinds.addAll(kinds);
    }

    void close(ClosureReason reason, LocalDate on) {
        requireOpen();
        this.status = CaseStatus.CLOSED;
        this.phase = CasePhase.CLOSED;
        this.closureReason = reason;
        this.closedOn = on;
        this.openStudentId = null;
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new CaseRuleViolation("The case is closed (" + closureReason.description() + ").");
        }
    }
}
