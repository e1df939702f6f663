package org.supportplans.family;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.CaseReader;
import org.supportplans.cases.CaseView;
import org.supportplans.cases.DistrictDay;
import org.supportplans.documents.Documents;
import org.supportplans.documents.TaggedPdf;

/**
 * The receipt of a parent's answer: the same facts as the receipt page (the question, the words of the decision,
 * the typed name, the date and time in the district, how the parent showed who they are, the papers shown with
 * their SHA-256, the receipt number), on the page and as a tagged PDF in the language the parent answered in. Made
 * on the fly from {@code family_consent_evidence}, never stored; the address and the browser stay in the record.
 */
@Component
class FamilyReceipts {

    /** A fact of the receipt: a paper shown, by its name in the receipt's language and its SHA-256. */
    record Paper(String name, String sha256) {}

    private final FamilyAnswers answers;
    private final FamilyPages pages;
    private final TaggedPdf pdf;
    private final CaseReader cases;
    private final Documents documents;
    private final DistrictDay days;

    FamilyReceipts(
            FamilyAnswers answers,
            FamilyPages pages,
            TaggedPdf pdf,
            CaseReader cases,
            Documents documents,
            DistrictDay days) {
        this.answers = answers;
        this.pages = pages;
        this.pdf = pdf;
        this.cases = cases;
        this.documents = documents;
        this.days = days;
    }

    /** The receipt's facts for a page or the PDF, in {@code language}. */
    Map<String, Object> facts(FamilyAnswers.Evidence evidence, String language) {
        CaseView view = cases.read(evidence.caseId(), FamilySignIn.SERVICE);
        ZoneId zone = days.zone(evidence.caseId());
        Locale locale = Locale.forLanguageTag(language);
        Map<String, String> names = documents.finalForFamily(evidence.caseId()).stream()
                .collect(Collectors.toMap(
                        Documents.DocumentView::sha256,
                        d -> FamilyPages.message(language, "paper." + d.kind().name()),
                        (a, b) -> a));
        List<Paper> papers = evidence.documentHashes().stream()
                .filter(hash -> !hash.isBlank())
                .map(hash -> new Paper(names.getOrDefault(hash, FamilyPages.message(language, "receipt.paper")), hash))
                .toList();
        Map<String, Object> facts = new HashMap<>();
        facts.put("evidence", evidence);
        facts.put(
                "question",
                FamilyPages.message(
                        language,
                        "ask." + evidence.kind() + ".title",
                        view.student().firstName()));
        facts.put("schoolName", view.school().name());
        facts.put("decidedOn", FamilyPageController.format(evidence.decidedOn(), language));
        facts.put(
                "decidedAt",
                evidence.decidedAt()
                        .atZone(zone)
                        .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                                .withLocale(locale)));
        facts.put("zone", zone.getId());
        facts.put("method", FamilyPages.message(language, "method." + evidence.identityMethod()));
        facts.put("papers", papers);
        return facts;
    }

    /** The receipt as a tagged PDF, in the language the parent answered in. */
    byte[] pdf(FamilyAnswers.Evidence evidence) {
        String language = FamilyPages.language(evidence.language());
        return pdf(facts(evidence, language), language);
    }

    /** The receipt's facts as a tagged PDF. */
    byte[] pdf(Map<String, Object> facts, String language) {
        return pdf.render(pages.paper("receipt", language, facts));
    }

    /** A receipt of the case, by its number; empty for a number of another case. */
    @Transactional(readOnly = true)
    Optional<FamilyAnswers.Evidence> ofCase(String caseId, long receiptNumber) {
        return answers.byId(receiptNumber).filter(e -> e.caseId().equals(caseId));
    }

    static String fileName(FamilyAnswers.Evidence evidence) {
        return "receipt-" + evidence.id() + ".pdf";
    }
}
