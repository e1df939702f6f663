package org.supportplans.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportplans.cases.ConsentKind;
import org.supportplans.documents.TaggedPdf;

/** The receipt as a PDF: tagged, titled, in the language the parent answered in, with every fact of the page. */
class FamilyReceiptsTest {

    private static final FamilyReceipts RECEIPTS =
            new FamilyReceipts(null, new FamilyPages(), new TaggedPdf(), null, null, null);

    private static final String HASH = "3f1c9a0e5b7d2c4f6a8e0b1d3c5f7a9e2b4d6f8a0c2e4b6d8f0a1c3e5b7d9f1a";

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void theReceiptIsATaggedPdfWithTheFactsOfThePage(String language) throws IOException {
        String words = FamilyPages.message(language, "words.EVALUATION_CONSENT.GIVEN");
        FamilyAnswers.Evidence evidence = new FamilyAnswers.Evidence(
                41,
                "inv-1",
                "case-1",
                ConsentKind.EVALUATION_CONSENT,
                FamilyAnswers.Decision.GIVEN,
                Instant.parse("2026-12-03T13:45:00Z"),
                LocalDate.of(2026, 12, 3),
                FamilySignIn.EMAIL_CODE,
                "Ana López",
                words,
                language,
                List.of(HASH),
                "198.51.100.7",
                "Phone browser 1.0");
        Map<String, Object> facts = new HashMap<>();
        facts.put("evidence", evidence);
        facts.put("question", FamilyPages.message(language, "ask.EVALUATION_CONSENT.title", "Maya"));
        facts.put("schoolName", "Lincoln Elementary");
        facts.put("decidedAt", "December 3, 2026, 6:45 AM");
        facts.put("zone", "America/Denver");
        facts.put("method", FamilyPages.message(language, "method." + FamilySignIn.EMAIL_CODE));
        facts.put(
                "papers",
                List.of(new FamilyReceipts.Paper(FamilyPages.message(language, "paper.CONSENT_REQUEST"), HASH)));

        byte[] pdf = RECEIPTS.pdf(facts, language);

        java.nio.file.Path samples = java.nio.file.Path.of("target", "family");
        java.nio.file.Files.createDirectories(samples);
        java.nio.file.Files.write(samples.resolve("receipt-" + language + ".pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var catalog = document.getDocumentCatalog();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getStructureTreeRoot()).isNotNull();
            assertThat(catalog.getLanguage()).isEqualTo(language);
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo(language.equals("es") ? "Comprobante 41" : "Receipt 41");
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(language.equals("es") ? "Comprobante de su respuesta" : "Receipt of your answer")
                    .contains(
                            language.equals("es")
                                    ? "¿Puede la escuela evaluar a Maya?"
                                    : "May the school evaluate Maya?")
                    .contains(words.substring(0, 40))
                    .contains("Ana López")
                    .contains("December 3, 2026, 6:45 AM (America/Denver)")
                    .contains(FamilyPages.message(language, "method." + FamilySignIn.EMAIL_CODE))
                    .contains("41")
                    .contains(FamilyPages.message(language, "paper.CONSENT_REQUEST"))
                    .contains(HASH.substring(0, 32))
                    // the address and the browser stay in the record, not on the paper
                    .doesNotContain("198.51.100.7", "Phone browser");
        }
    }
}
