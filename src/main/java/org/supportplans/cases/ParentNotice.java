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

/** A notice sent to the parents, with the day it was sent. */
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

    protected ParentNotice() {}

    ParentNotice(String caseId, NoticeKind kind, LocalDate sentOn) {
        this.caseId = caseId;
        this.kind = kind;
        this.sentOn = sentOn;
    }

    public NoticeKind getKind() {
        return kind;
    }

    public LocalDate getSentOn() {
        return sentOn;
    }
}
