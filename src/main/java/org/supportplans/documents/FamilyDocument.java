package org.supportplans.documents;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sealed document: its bytes and their SHA-256 are written once; only a newer version supersedes it. */
@Entity
@Table(name = "family_document")
class FamilyDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private String caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DocumentKind kind;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(nullable = false, updatable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentStatus status;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(name = "family_language", nullable = false, updatable = false)
    private String familyLanguage;

    @Column(nullable = false, updatable = false)
    private String step;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private int sizeBytes;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected FamilyDocument() {}

    FamilyDocument(
            String caseId,
            DocumentKind kind,
            String subject,
            String source,
            int version,
            String language,
            String familyLanguage,
            String step,
            byte[] content,
            String sha256,
            Instant createdAt,
            String createdBy) {
        this.caseId = caseId;
        this.kind = kind;
        this.subject = subject;
        this.source = source;
        this.version = version;
        this.status = DocumentStatus.FINAL;
        this.language = language;
        this.familyLanguage = familyLanguage;
        this.step = step;
        this.content = content;
        this.sha256 = sha256;
        this.sizeBytes = content.length;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void supersede() {
        this.status = DocumentStatus.SUPERSEDED;
    }

    Long getId() {
        return id;
    }

    String getCaseId() {
        return caseId;
    }

    DocumentKind getKind() {
        return kind;
    }

    String getSubject() {
        return subject;
    }

    String getSource() {
        return source;
    }

    int getVersion() {
        return version;
    }

    DocumentStatus getStatus() {
        return status;
    }

    String getLanguage() {
        return language;
    }

    String getFamilyLanguage() {
        return familyLanguage;
    }

    String getStep() {
        return step;
    }

    String getSha256() {
        return sha256;
    }

    int getSizeBytes() {
        return sizeBytes;
    }

    byte[] getContent() {
        return content;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }
}
