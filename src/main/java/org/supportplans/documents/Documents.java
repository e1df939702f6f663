package org.supportplans.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.supportplans.audit.AuditLog;
import org.supportplans.cases.CaseAccess;
import org.supportplans.cases.CaseReader;
import org.supportplans.cases.CaseView;
import org.supportplans.people.District;
import org.supportplans.people.SchoolRepository;
import org.supportplans.progress.ProgressReports;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotFoundException;
import org.supportplans.system.RuleViolation;

/**
 * The documents of a case: produced and sealed when their step completes (in the step's transaction, so a
 * step and its documents are written together or not at all), listed, downloaded and previewed under the
 * case's access rules.
 */
@Service
@Transactional
public class Documents {

    private static final Logger log = LoggerFactory.getLogger(Documents.class);

    /** The service reads a case to produce its documents as the engine's administrator would. */
    private static final CurrentStaff SERVICE = new CurrentStaff("support-plans", List.of(Groups.CAMUNDA_ADMIN));

    /** A line of {@code GET /api/cases/{id}/documents} (DESIGN.md section 4). */
    public record DocumentView(
            Long id,
            DocumentKind kind,
            String language,
            int version,
            DocumentStatus status,
            String sha256,
            Instant createdAt,
            String createdBy,
            String step) {}

    /** A document's bytes, with the neutral file name it leaves the service under. */
    public record Download(String caseId, String fileName, byte[] content) {}

    /** A sealed document to read on a page: the body of the XHTML its PDF was rendered from, and its language. */
    public record Reading(long id, DocumentKind kind, String language, int version, String body) {}

    /** A line of the report of families who received documents not in their language. */
    public record NotInFamilyLanguage(
            String caseId,
            String familyLanguage,
            Long documentId,
            DocumentKind kind,
            String language,
            Instant createdAt) {}

    private final FamilyDocumentRepository documents;
    private final CaseReader cases;
    private final CaseAccess access;
    private final SchoolRepository schools;
    private final DocumentRenderer renderer;
    private final AuditLog auditLog;
    private final TranslationTasks translations;
    private final Clock clock;
    private final ProgressReports progressReports;
    private final JdbcTemplate jdbc;

    Documents(
            FamilyDocumentRepository documents,
            CaseReader cases,
            CaseAccess access,
            SchoolRepository schools,
            DocumentRenderer renderer,
            AuditLog auditLog,
            TranslationTasks translations,
            Clock clock,
            ProgressReports progressReports,
            JdbcTemplate jdbc) {
        this.documents = documents;
        this.cases = cases;
        this.access = access;
        this.schools = schools;
        this.renderer = renderer;
        this.auditLog = auditLog;
        this.translations = translations;
        this.clock = clock;
        this.progressReports = progressReports;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<DocumentView> list(String caseId, CurrentStaff staff) {
        access.requireVisible(caseId, staff);
        return documents.findByCaseIdOrderByIdAsc(caseId).stream()
                .map(Documents::view)
                .toList();
    }

    /** A document's bytes; "not found" for a document of a case the staff member may not see. */
    @Transactional(readOnly = true)
    public Download download(long documentId, CurrentStaff staff) {
        FamilyDocument document = documents
                .findById(documentId)
                .filter(d -> visible(d.getCaseId(), staff))
                .orElseThrow(() -> new NotFoundException("No document " + documentId + "."));
        return new Download(
                document.getCaseId(), document.getKind().fileName(document.getVersion()), document.getContent());
    }

    /**
     * The final documents of a case, for the parents signed in on the family's page ({@code family} module, which
     * checked who they are): no superseded version, nothing of another case.
     */
    @Transactional(readOnly = true)
    public List<DocumentView> finalForFamily(String caseId) {
        return documents.findByCaseIdOrderByIdAsc(caseId).stream()
                .filter(d -> d.getStatus() == DocumentStatus.FINAL)
                .map(Documents::view)
                .toList();
    }

    /** A final document of that case, for its parents; empty for any other document. */
    @Transactional(readOnly = true)
    public Optional<Download> familyCopy(String caseId, long documentId) {
        return documents
                .findById(documentId)
                .filter(d -> d.getCaseId().equals(caseId) && d.getStatus() == DocumentStatus.FINAL)
                .map(d -> new Download(d.getCaseId(), d.getKind().fileName(d.getVersion()), d.getContent()));
    }

    /** The ids of the final documents of the case that can be read on a page (sealed with their XHTML). */
    @Transactional(readOnly = true)
    public java.util.Set<Long> readableForFamily(String caseId) {
        return new java.util.HashSet<>(jdbc.queryForList(
                "select r.document_id from family_document_reading r join family_document d on d.id = r.document_id"
                        + " where d.case_id = ? and d.status = 'FINAL'",
                Long.class,
                caseId));
    }

    /** A final document of that case to read on a page, for its parents; empty for any other document. */
    @Transactional(readOnly = true)
    public Optional<Reading> familyReading(String caseId, long documentId) {
        return documents
                .findById(documentId)
                .filter(d -> d.getCaseId().equals(caseId) && d.getStatus() == DocumentStatus.FINAL)
                .flatMap(d -> jdbc
                        .queryForList(
                                "select html from family_document_reading where document_id = ?",
                                String.class,
                                documentId)
                        .stream()
                        .findFirst()
                        .map(html -> new Reading(d.getId(), d.getKind(), d.getLanguage(), d.getVersion(), body(html))));
    }

    /** What is between {@code <body>} and {@code </body>}. */
    static String body(String html) {
        java.util.regex.Matcher body =
                java.util.regex.Pattern.compile("(?s)<body[^>]*>(.*)</body>").matcher(html);
        return body.find() ? body.group(1) : "";
    }

    /**
     * A draft from the case as it stands: rendered, not stored. For a progress report, {@code reportId} names the
     * case's report to preview (an open one as it would be sealed now); without it, the latest final one.
     */
    @Transactional(readOnly = true)
    public Download preview(String caseId, DocumentKind kind, Long reportId, CurrentStaff staff) {
        Draft draft = draft(caseId, kind, reportId, staff);
        byte[] pdf = renderer.pdf(kind, draft.language(), draft.variables());
        String name = kind.name().toLowerCase().replace('_', '-') + "-draft.pdf";
        return new Download(caseId, name, pdf);
    }

    /** The same draft as a page for the browser: the XHTML its PDF is rendered from. */
    @Transactional(readOnly = true)
    public String previewPage(String caseId, DocumentKind kind, Long reportId, CurrentStaff staff) {
        Draft draft = draft(caseId, kind, reportId, staff);
        return renderer.html(kind, draft.language(), draft.variables());
    }

    private record Draft(String language, Map<String, Object> variables) {}

    private Draft draft(String caseId, DocumentKind kind, Long reportId, CurrentStaff staff) {
        if (reportId != null && kind != DocumentKind.PROGRESS_REPORT) {
            throw new RuleViolation("report= names a progress report: use it with kind=PROGRESS_REPORT only.");
        }
        CaseView view = cases.read(caseId, staff);
        String language = FamilyLanguages.documentLanguage(view.parentLanguage());
        DocumentContent content = content(view, language);
        DocumentContent.Owed draft;
        if (reportId == null) {
            draft = content.draft(kind);
        } else {
            ProgressReports.Report report = progressReports.report(reportId);
            if (!report.caseId().equals(caseId)) {
                throw new NotFoundException("No progress report " + reportId + " of case " + caseId + ".");
            }
            draft = content.draft(report);
        }
        Map<String, Object> variables = new HashMap<>(draft.variables());
        variables.put("draft", true);
        variables.put("notInLanguage", !language.equals(baseLanguage(view.parentLanguage())));
        return new Draft(language, variables);
    }

    /** Families who received documents not in their language (no bundle yet), newest last. */
    @Transactional(readOnly = true)
    public List<NotInFamilyLanguage> notInFamilyLanguage(CurrentStaff staff) {
        return documents.findNotInFamilyLanguage().stream()
                .filter(d -> !d.getLanguage().equals(baseLanguage(d.getFamilyLanguage())))
                .filter(d -> visible(d.getCaseId(), staff))
                .map(d -> new NotInFamilyLanguage(
                        d.getCaseId(),
                        d.getFamilyLanguage(),
                        d.getId(),
                        d.getKind(),
                        d.getLanguage(),
                        d.getCreatedAt()))
                .toList();
    }

    /**
     * Produces and seals every document the case owes and does not hold yet: a new document as version 1, a
     * changed source (a new plan, a moved meeting) as the next version, which supersedes the one before.
     * Returns the documents sealed now.
     */
    public List<DocumentView> produceOwed(String caseId, String actor) {
        CaseView view = cases.read(caseId, SERVICE);
        String familyLanguage = view.parentLanguage() == null ? FamilyLanguages.ENGLISH : view.parentLanguage();
        String language = FamilyLanguages.documentLanguage(familyLanguage);
        boolean notInLanguage = !language.equals(baseLanguage(familyLanguage));
        List<FamilyDocument> held = documents.findByCaseIdOrderByIdAsc(caseId);
        Map<String, FamilyDocument> latest = held.stream()
                .collect(Collectors.toMap(
                        d -> d.getKind() + "|" + d.getSubject(),
                        Function.identity(),
                        (a, b) -> a.getVersion() > b.getVersion() ? a : b));
        List<DocumentView> sealed = new java.util.ArrayList<>();
        for (DocumentContent.Owed owed : content(view, language).owed()) {
            FamilyDocument last = latest.get(owed.kind() + "|" + owed.subject());
            if (last != null && last.getSource().equals(owed.source())) {
                continue;
            }
            int version = last == null ? 1 : last.getVersion() + 1;
            Map<String, Object> variables = new HashMap<>(owed.variables());
            variables.put("version", version);
            variables.put("notInLanguage", notInLanguage);
            String html = renderer.html(owed.kind(), language, variables);
            byte[] pdf = renderer.pdf(html);
            String sha256 = sha256(pdf);
            if (last != null) {
                last.supersede();
            }
            String createdBy = actor == null ? SERVICE.userId() : actor;
            FamilyDocument document = documents.save(new FamilyDocument(
                    caseId,
                    owed.kind(),
                    owed.subject(),
                    owed.source(),
                    version,
                    language,
                    familyLanguage,
                    owed.step(),
                    pdf,
                    sha256,
                    clock.instant(),
                    createdBy));
            latest.put(owed.kind() + "|" + owed.subject(), document);
            // the words of the PDF, for the family's page to show as a page (issue 17)
            documents.flush();
            jdbc.update(
                    "insert into family_document_reading (document_id, html) values (?, ?)", document.getId(), html);
            sealed.add(view(document));
            afterCommit(() -> auditLog.documentSealed(
                    caseId, document.getId(), owed.kind().name(), version, sha256, createdBy, document.getCreatedAt()));
            if (notInLanguage) {
                translations.arrange(view, document.getId(), owed.kind(), familyLanguage, variables);
            }
            log.info("Sealed document {} ({} v{}) of case {}", document.getId(), owed.kind(), version, caseId);
        }
        return sealed;
    }

    private DocumentContent content(CaseView view, String language) {
        District district = schools.findById(view.school().id()).orElseThrow().getDistrict();
        LocalDate today = LocalDate.now(clock.withZone(district.getTimeZone()));
        return new DocumentContent(view, district.getName(), district.getFamilyContact(), language, today)
                .withProgressReports(progressReports.finalReports(view.id()));
    }

    private boolean visible(String caseId, CurrentStaff staff) {
        try {
            access.requireVisible(caseId, staff);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    static String baseLanguage(String tag) {
        return FamilyLanguages.canonical(tag)
                .map(t -> java.util.Locale.forLanguageTag(t).getLanguage())
                .orElse(FamilyLanguages.ENGLISH);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentView view(FamilyDocument d) {
        return new DocumentView(
                d.getId(),
                d.getKind(),
                d.getLanguage(),
                d.getVersion(),
                d.getStatus(),
                d.getSha256(),
                d.getCreatedAt(),
                d.getCreatedBy(),
                d.getStep());
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    static Optional<DocumentView> newest(List<DocumentView> views, DocumentKind kind) {
        return views.stream().filter(v -> v.kind() == kind).max(Comparator.comparing(DocumentView::version));
    }
}
