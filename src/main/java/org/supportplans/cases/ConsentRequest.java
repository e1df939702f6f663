package org.supportplans.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** A request for the parents' consent and, once it comes, their answer with its date. */
@Entity
@Table(name = "consent_request")
class ConsentRequest {

    /** How the answer reached the school. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConsentKind kind;

    @Column(name = "requested_on", nullable = false)
    private LocalDate requestedOn;

    @Column(name = "reminders_sent", nullable = false)
    private int remindersSent;

    @Enumerated(EnumType.STRING)
    private ParentDecision decision;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "recorded_via")
    private RecordedVia recordedVia;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Version
    private long version;

    protected ConsentRequest() {}

    ConsentRequest(String caseId, ConsentKind kind, LocalDate requestedOn) {
        this.caseId = caseId;
        this.kind = kind;
        this.requestedOn = requestedOn;
    }

    public ConsentKind getKind() {
        return kind;
    }

    public LocalDate getRequestedOn() {
        return requestedOn;
    }

    public int getRemindersSent() {
        return remindersSent;
    }

    public ParentDecision getDecision() {
        return decision;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public RecordedVia getRecordedVia() {
        return recordedVia;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public boolean isAnswered() {
        return decision != null;
    }

    void reminded() {
        remindersSent++;
    }

    void answer(ParentDecision decision, LocalDate on, RecordedVia via, String by, LocalDate today) {
        if (isAnswered()) {
            throw new NotAwaitedException("The parents' answer to this request was already recorded.");
        }
        if (on.isBefore(requestedOn)) {
            throw new CaseRuleViolation(
                    "The answer date " + on + " is before the request was sent (" + requestedOn + ").");
        }
        if (on.isAfter(today)) {
            throw new CaseRuleViolation("The answer date " + on + " is in the future.");
        }
        this.decision = decision;
        this.decidedOn = on;
        this.recordedVia = via;
        this.recordedBy = by;
    }
}
