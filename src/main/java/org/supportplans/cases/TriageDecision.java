package org.supportplans.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The coordinator's triage of the referrals of a case; a case triaged again after interventions has several. */
@Entity
@Table(name = "triage_decision")
class TriageDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TriageOutcome outcome;

    @Column(name = "follow_up_on")
    private LocalDate followUpOn;

    @Column(name = "parent_agreed")
    private Boolean parentAgreed;

    @Column(nullable = false)
    private String rationale;

    @Column(name = "decided_on", nullable = false)
    private LocalDate decidedOn;

    @Column(name = "decided_by", nullable = false)
    private String decidedBy;

    protected TriageDecision() {}

    TriageDecision(
            String caseId,
            TriageOutcome outcome,
            LocalDate followUpOn,
            Boolean parentAgreed,
            String rationale,
            LocalDate decidedOn,
            String decidedBy) {
        this.caseId = caseId;
        this.outcome = outcome;
        this.followUpOn = followUpOn;
        this.parentAgreed = parentAgreed;
        this.rationale = rationale;
        this.decidedOn = decidedOn;
        this.decidedBy = decidedBy;
    }

    public TriageOutcome getOutcome() {
        return outcome;
    }

    public LocalDate getFollowUpOn() {
        return followUpOn;
    }

    public Boolean getParentAgreed() {
        return parentAgreed;
    }

    public String getRationale() {
        return rationale;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public String getDecidedBy() {
        return decidedBy;
    }
}
