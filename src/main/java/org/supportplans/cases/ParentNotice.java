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

/**
 * A notice sent to the parents, with the day it was sent and, for prior written notice, its content (34 CFR
 * 300.503(b)) in the parents' language (300.503(c)); a notice about a plan names the version.
 */
@Entity
@Table(name = "parent_notice")
class ParentNotice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoticeKind kind;

    @Column(name = "sent_on", nullable = false)
    private LocalDate sentOn;

    @Column(name = "plan_id")
    private Long planId;

    @Column(nullable = false)
    private String language = "en";

    @Enumerated(EnumType.STRING)
    private NoticeContent.Action action;

    private String subject;

    private String reasons;

    private String evidence;

    @Column(name = "options_considered")
    private String optionsConsidered;

    @Column(name = "other_factors")
    private String otherFactors;

    private String safeguards;

    @Column(name = "sent_by")
    private String sentBy;

    protected ParentNotice() {}

    ParentNotice(String caseId, NoticeKind kind, LocalDate sentOn) {
        this.caseId = caseId;
        this.kind = kind;
        this.sentOn = sentOn;
    }

    ParentNotice(String caseId, NoticeKind kind, LocalDate sentOn, NoticeContent content, Long planId, String sentBy) {
        this(caseId, kind, sentOn);
        this.planId = planId;
        this.sentBy = sentBy;
        this.language = content.language();
        this.action = content.action();
        this.subject = content.subject();
        this.reasons = content.reasons();
        this.evidence = content.evidence();
        this.optionsConsidered = content.optionsConsidered();
        this.otherFactors = content.otherFactors();
        this.safeguards = content.safeguards();
    }

    public Long getId() {
        return id;
    }

    public String getCaseId() {
        return caseId;
    }

    public Long getPlanId() {
        return planId;
    }

    public String getSentBy() {
        return sentBy;
    }

    /** The content, or null for a notice recorded by kind and date only. */
    public NoticeContent getContent() {
        return subject == null
                ? null
                : new NoticeContent(
                        action, subject, reasons, evidence, optionsConsidered, otherFactors, safeguards, language);
    }

    public NoticeKind getKind() {
        return kind;
    }

    public LocalDate getSentOn() {
        return sentOn;
    }
}
