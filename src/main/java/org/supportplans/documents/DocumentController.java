package org.supportplans.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.supportplans.audit.AuditTrail;
import org.supportplans.system.CurrentStaff;

/** The documents of a case (DESIGN.md section 4): the list, a document's PDF, a draft's preview. */
@RestController
@RequestMapping("/api")
class DocumentController {

    private final Documents documents;

    DocumentController(Documents documents) {
        this.documents = documents;
    }

    @GetMapping("/cases/{id}/documents")
    List<Documents.DocumentView> list(@PathVariable String id) {
        List<Documents.DocumentView> list = documents.list(id, CurrentStaff.require());
        AuditTrail.shown(list.size(), List.of(id));
        return list;
    }

    @GetMapping("/documents/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        Documents.Download download = documents.download(id, CurrentStaff.require());
        AuditTrail.shown(1, List.of(download.caseId()));
        return pdf(download, false);
    }

    /**
     * A draft from the case as it stands, not stored. POST is the contract; GET serves the link on a Tasklist
     * form (a link cannot post), with the same answer.
     */
    @RequestMapping(
            path = "/cases/{id}/documents/preview",
            method = {RequestMethod.POST, RequestMethod.GET})
    ResponseEntity<byte[]> preview(
            @PathVariable String id,
            @RequestParam DocumentKind kind,
            @RequestParam(name = "report", required = false) Long reportId) {
        return pdf(documents.preview(id, kind, reportId, CurrentStaff.require()), true);
    }

    /**
     * The same draft as a page to read in the browser ({@code format=html}): the XHTML the PDF is rendered from, so a
     * progress report's chart is drawn as in the PDF. Its policy runs no script and allows exactly the page's own
     * styles (its style sheet and each bar's width, by their SHA-256), nothing from elsewhere.
     */
    @GetMapping(path = "/cases/{id}/documents/preview", params = "format=html")
    ResponseEntity<String> previewPage(
            @PathVariable String id,
            @RequestParam DocumentKind kind,
            @RequestParam(name = "report", required = false) Long reportId) {
        String html = documents.previewPage(id, kind, reportId, CurrentStaff.require());
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", pagePolicy(html))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(html);
    }

    /** No script, no request anywhere; the styles of this page only, each allowed by its SHA-256 (CSP level 3). */
    static String pagePolicy(String html) {
        Set<String> styles = new LinkedHashSet<>();
        Matcher sheets = STYLE_ELEMENT.matcher(html);
        while (sheets.find()) {
            styles.add(hash(sheets.group(1)));
        }
        Matcher attributes = STYLE_ATTRIBUTE.matcher(html);
        while (attributes.find()) {
            styles.add(hash(HtmlUtils.htmlUnescape(attributes.group(1))));
        }
        String styleSources = styles.isEmpty() ? "'none'" : "'unsafe-hashes' " + String.join(" ", styles);
        return "default-src 'none'; style-src " + styleSources
                + "; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    }

    private static final Pattern STYLE_ELEMENT = Pattern.compile("(?s)<style[^>]*>(.*?)</style>");
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\sstyle=\"([^\"]*)\"");

    private static String hash(String style) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping(
            path = "/reports/documents-not-in-family-language",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> notInFamilyLanguage(
            @RequestParam(required = false) String format,
            @org.springframework.web.bind.annotation.RequestHeader(value = HttpHeaders.ACCEPT, required = false)
                    String accept) {
        List<Documents.NotInFamilyLanguage> rows = documents.notInFamilyLanguage(CurrentStaff.require());
        AuditTrail.shown(
                rows.size(),
                rows.stream().map(Documents.NotInFamilyLanguage::caseId).toList());
        if (accept != null && accept.contains("text/csv")) {
            StringBuilder csv = new StringBuilder("caseId,familyLanguage,documentId,kind,language,createdAt\r\n");
            rows.forEach(r -> csv.append(r.caseId())
                    .append(',')
                    .append(r.familyLanguage())
                    .append(',')
                    .append(r.documentId())
                    .append(',')
                    .append(r.kind())
                    .append(',')
                    .append(r.language())
                    .append(',')
                    .append(r.createdAt())
                    .append("\r\n"));
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("text/csv"))
                    .body(csv.toString());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
    }

    private static ResponseEntity<byte[]> pdf(Documents.Download download, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(download.fileName())
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(download.content());
    }
}
