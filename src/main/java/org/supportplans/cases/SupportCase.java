package org.supportplans.cases;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.supportplans.people.School;

/**
 * A student's case, from the first referral to the exit. A student has at most one open case
 * ({@code open_student_id} is unique and cleared on closing); a second referral joins it.
 */
@Entity
@Table(name = "support_case")
public class SupportCase {

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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_plan_kind", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "plan_kind")
    @Enumerated(EnumType.STRING)
    private Set<PlanKind> planKinds = new HashSet<>();

    @Version
    private long version;

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
