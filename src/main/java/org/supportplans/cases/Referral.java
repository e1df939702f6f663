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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A referral of a student: who referred, why, and whether the parents asked for an evaluation. */
@Entity
@Table(name = "referral")
class Referral {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "referred_by_role", nullable = false)
    private ReferrerRole referredByRole;

    @Column(name = "referred_by_name", nullable = false)
    private String referredByName;

    @Column(nullable = false)
    private String concerns;

    @Column(name = "parent_requested_evaluation", nullable = false)
    private boolean parentRequestedEvaluation;

    @Column(nullable = false)
    private String reason;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Referral() {}

    public Referral(
            String caseId,
            LocalDate receivedOn,
            ReferrerRole referredByRole,
            String referredByName,
            Set<Concern> concerns,
            boolean parentRequestedEvaluation,
            String reason,
            String recordedBy,
            Instant recordedAt) {
        this.caseId = caseId;
        this.receivedOn = receivedOn;
        this.referredByRole = referredByRole;
        this.referredByName = referredByName;
        this.concerns = EnumSet.copyOf(concerns).stream().map(Enum::name).collect(Collectors.joining(","));
        this.parentRequestedEvaluation = parentRequestedEvaluation;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public String getCaseId() {
        return caseId;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public ReferrerRole getReferredByRole() {
        return referredByRole;
    }

    public String getReferredByName() {
        return referredByName;
    }

    public Set<Concern> getConcerns() {
        return Arrays.stream(concerns.split(","))
                .map(Concern::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Concern.class)));
    }

    public boolean isParentRequestedEvaluation() {
        return parentRequestedEvaluation;
    }

    public String getReason() {
        return reason;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
