package org.supportplans.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A milestone on a case's timeline: what happened, on which day, who did it. Never changed once written. */
@Entity
@Table(name = "case_event")
class CaseEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private String caseId;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private LocalDate occurredOn;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CaseEventKind kind;

    @Column(nullable = false, updatable = false)
    private String description;

    @Column(updatable = false)
    private String actor;

    protected CaseEvent() {}

    CaseEvent(
            String caseId,
            LocalDate occurredOn,
            Instant recordedAt,
            CaseEventKind kind,
            String description,
            String actor) {
        this.caseId = caseId;
        this.occurredOn = occurredOn;
        this.recordedAt = recordedAt;
        this.kind = kind;
        this.description = description;
        this.actor = actor;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public CaseEventKind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public String getActor() {
        return actor;
    }
}
