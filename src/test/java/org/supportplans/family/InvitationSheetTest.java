package org.supportplans.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.supportplans.documents.TaggedPdf;

/** The printable sheet "How to answer online": one tagged page with the link and the code, in the family's language. */
class InvitationSheetTest {

    private static final InvitationSheet SHEET = new InvitationSheet(new FamilyPages(), new TaggedPdf(), null);

    private static final String URL =
            "https://plans.lincoln.example/family/i/Vb3kq9ZlX0pA7mT2sR8wYc4uE1nH6jD5fG0iK2oL9xQ";

    @ParameterizedTest
    @CsvSource({
        "en, How to answer online, Type this code:, May the school evaluate Maya?",
        "es, Cómo responder por internet, Escriba este código:, ¿Puede la escuela evaluar a Maya?"
    })
    void theSheetIsOneTaggedPageWithTheLinkAndTheCode(String language, String title, String step, String question)
            throws IOException {
        byte[] pdf = SHEET.pdf(
                Map.of(
                        "schoolName",
                        "Lincoln Elementary",
                        "question",
                        question,
                        "url",
                        URL,
                        "letterCode",
                        "K7QXM-4TRHP",
                        "expiresOn",
                        FamilyPageController.format(java.time.LocalDate.of(2026, 12, 17), language)),
                language);

        java.nio.file.Path samples = java.nio.file.Path.of("target", "family");
        java.nio.file.Files.createDirectories(samples);
        java.nio.file.Files.write(samples.resolve("how-to-answer-online-" + language + ".pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo(language);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(title);
            String text = new PDFTextStripper().getText(document);
            assertThat(text.replaceAll("\\s+", " "))
                    .contains(title, question, step, "K7QXM-4TRHP", "Lincoln Elementary")
                    .contains(language.equals("es") ? "17 de diciembre de 2026" : "December 17, 2026");
            // the link whole (a long link may wrap: compare without the line breaks)
            assertThat(text.replaceAll("\\s+", "")).contains(URL);
        }
    }
}
