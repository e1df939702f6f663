package org.supportplans.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportplans.cases.CaseView;
import org.supportplans.cases.ClosureReason;

/**
 * Every kind of document, for one case, in English and in Spanish: the PDF is tagged (structure tree, marked
 * content, headings, table headers), says its title and language, embeds its only font (the bundled
 * Liberation Sans), and its text holds the content of the case and the words of the language.
 */
class DocumentRenderingTest {

    private static final DocumentRenderer RENDERER = new DocumentRenderer();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    static List<Arguments> everyKindInEveryLanguage() {
        List<Arguments> arguments = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            for (DocumentKind kind : DocumentKind.values()) {
                arguments.add(Arguments.of(kind, language));
            }
        }
        return arguments;
    }

    /** The case's documents of each kind (a progress report: the template, no progress recorded yet). */
    static Map<String, Object> variablesOf(DocumentKind kind, String language) {
        CaseView graduated = SampleCase.of(language, ClosureReason.GRADUATED);
        DocumentContent content = new DocumentContent(graduated, "Demo School District", language, TODAY);
        Map<DocumentKind, DocumentContent.Owed> first = new EnumMap<>(DocumentKind.class);
        content.owed().forEach(owed -> first.putIfAbsent(owed.kind(), owed));
        DocumentContent.Owed owed = first.containsKey(kind) ? first.get(kind) : content.draft(kind);
        Map<String, Object> variables = new HashMap<>(owed.variables());
        variables.put("version", 1);
        return variables;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindInEveryLanguage")
    void everyKindIsATaggedPdfInItsLanguageWithItsContent(DocumentKind kind, String language) throws IOException {
        byte[] pdf = RENDERER.pdf(kind, language, variablesOf(kind, language));
        // kept for a look with pdfinfo, pdffonts or a reader (and the README's page image)
        java.nio.file.Path samples = java.nio.file.Path.of("target", "documents");
        java.nio.file.Files.createDirectories(samples);
        java.nio.file.Files.write(samples.resolve(kind.fileName(1).replace(".pdf", "-" + language + ".pdf")), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            var catalog = document.getDocumentCatalog();
            String title = DocumentRenderer.message(language, "title." + kind.name());
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(title);
            assertThat(catalog.getLanguage()).isEqualTo(language);
            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(catalog.getStructureTreeRoot()).isNotNull();
            // PDF/UA-1 identifies itself in the XMP metadata (ISO 14289-1, 5)
            String xmp = new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).containsPattern("pdfuaid:part(>|=[\"'])1");
            Set<String> tags = tags(catalog.getStructureTreeRoot());
            assertThat(tags).contains("H1", "P", "Table", "TH", "TD");

            Set<String> fonts = new HashSet<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded())
                            .as(font.getName() + " embedded")
                            .isTrue();
                    fonts.add(font.getName().substring(font.getName().indexOf('+') + 1));
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(name -> name.startsWith("LiberationSans"));

            String text = words(new PDFTextStripper().getText(document));
            assertThat(text)
                    .contains(title)
                    .contains("Maya Núñez")
                    .contains("Lincoln Elementary")
                    .contains("Demo School District")
                    .contains(DocumentRenderer.message(language, "page") + " 1 "
                            + DocumentRenderer.message(language, "page.of") + " ")
                    .contains(DocumentRenderer.message(language, "contact.heading"));
            assertThat(text).contains(language.equals("es") ? "8 de marzo de 2015" : "March 8, 2015");
            // openhtmltopdf prints '#' for a character the font lacks
            assertThat(text)
                    .as("every character has a glyph in the bundled font")
                    .doesNotContain("#");
        }
    }

    /**
     * Where the district set who its families contact, every document names that office, its phone and e-mail, the
     * state's parent center and (where the rights are IDEA's) where the procedural safeguards notice is (34 CFR
     * 300.503(b)(4), (5)), in the family's language; without it, the school's coordinator (the test above).
     */
    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindInEveryLanguage")
    void theDistrictsContactIsOnEveryDocument(DocumentKind kind, String language) throws IOException {
        org.supportplans.people.FamilyContact contact = new org.supportplans.people.FamilyContact(
                "the Special Education Office",
                "(303) 555-0142",
                "sped@lakeview.example",
                "https://lakeview.example/rights",
                "PEAK Parent Center",
                null,
                "https://www.peakparent.org");
        CaseView graduated = SampleCase.of(language, ClosureReason.GRADUATED);
        DocumentContent content = new DocumentContent(graduated, "Lakeview", contact, language, TODAY);
        DocumentContent.Owed owed = content.owed().stream()
                .filter(o -> o.kind() == kind)
                .findFirst()
                .orElseGet(() -> content.draft(kind));

        String text = text(RENDERER.pdf(kind, language, owed.variables()));

        assertThat(text)
                .contains(DocumentRenderer.message(language, "contact.office", "the Special Education Office"))
                .contains("(303) 555-0142")
                .contains("sped@lakeview.example")
                .contains(DocumentRenderer.message(language, "contact.parentCenter", "PEAK Parent Center"))
                .contains("https://www.peakparent.org")
                .doesNotContain(DocumentRenderer.message(language, "contact.text", "Lincoln Elementary"));
        boolean ideaRights = kind != DocumentKind.SECTION_504_PLAN && kind != DocumentKind.ALP;
        if (ideaRights) {
            assertThat(text).contains("https://lakeview.example/rights");
        }
    }

    /** A preview can be asked for at any step: a case just referred has a draft of every kind. */
    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindInEveryLanguage")
    void aCaseJustReferredHasADraftOfEveryKind(DocumentKind kind, String language) throws IOException {
        CaseView c = SampleCase.of(language, null);
        CaseView referred = new CaseView(
                c.id(),
                c.status(),
                org.supportplans.cases.CasePhase.TRIAGE,
                java.util.Set.of(),
                c.student(),
                c.school(),
                language,
                c.openedOn(),
                null,
                null,
                c.due(),
                List.of(),
                c.referrals(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        Map<String, Object> variables =
                new HashMap<>(new DocumentContent(referred, "Demo School District", language, TODAY)
                        .draft(kind)
                        .variables());
        variables.put("draft", true);
        String text = text(RENDERER.pdf(kind, language, variables));
        assertThat(text)
                .contains(DocumentRenderer.message(language, "title." + kind.name()))
                .contains(DocumentRenderer.message(language, "draft"))
                .doesNotContain("#");
    }

    @Test
    void priorWrittenNoticeHasEveryElementOf300_503b() throws IOException {
        Map<String, Object> variables = variablesOf(DocumentKind.PRIOR_WRITTEN_NOTICE, "en");
        String text = text(RENDERER.pdf(DocumentKind.PRIOR_WRITTEN_NOTICE, "en", variables));
        assertThat(text)
                // (b)(1) the action proposed, (b)(2) why
                .contains("What the school proposes or refuses to do")
                .contains("The school proposes to evaluate your child for special education.")
                .contains("Why")
                .contains("Reading far below peers despite small-group support since spring.")
                // (b)(3) each evaluation procedure, assessment, record or report used
                .contains("What we used to decide")
                .contains("The referral received on September 14, 2026, and its concerns: learning, communication.")
                // (b)(4) procedural safeguards and how to get a copy
                .contains("Your rights (procedural safeguards)")
                .contains("free copy of the notice of procedural safeguards")
                // (b)(5) sources to contact for help
                .contains("Where to get help to understand this")
                .contains("Parent Training and Information Center")
                // (b)(6) other options considered and why rejected, (b)(7) other factors
                .contains("Other options we considered, and why we did not choose them")
                .contains("Other things that mattered");
    }

    @Test
    void theIepShowsItsServicesInATableWithHeaders() throws IOException {
        String text = text(RENDERER.pdf(DocumentKind.IEP, "es", variablesOf(DocumentKind.IEP, "es")));
        assertThat(text)
                .contains("Programa de Educación Individualizado (IEP)")
                .contains("En vigor desde el 30 de noviembre de 2026.")
                .contains("Servicio")
                .contains("Specialized reading instruction")
                .contains("special education teacher")
                .contains("Versión");
    }

    /** 34 CFR 300.306(a)(1), 300.311: who decided, a member's separate statement, the learning disability report. */
    @Test
    void theEligibilityDeterminationNamesTheTeamAndCarriesTheLearningDisabilityReport() throws IOException {
        String text = text(RENDERER.pdf(
                DocumentKind.ELIGIBILITY_DETERMINATION,
                "es",
                variablesOf(DocumentKind.ELIGIBILITY_DETERMINATION, "es")));
        assertThat(text)
                .contains("Quién decidió")
                .contains("Ana Ruiz, school psychologist")
                .contains("Usted participó en la decisión.")
                .contains("No todos los miembros del equipo están de acuerdo.")
                .contains("Sam Lee: the phonological weakness explains the reading")
                .contains("Informe de una discapacidad específica del aprendizaje")
                .contains("In the reading block she avoids reading aloud")
                .contains("destrezas básicas de lectura, fluidez en la lectura")
                .contains("Su hijo o hija no progresó lo suficiente")
                .contains("Twelve weeks of daily phonics in a small group")
                .contains("Vision and hearing screened normal")
                .contains("Ninguno.")
                .contains("Cada miembro del equipo confirmó por escrito");
    }

    @Test
    void aDraftSaysItIsADraft() throws IOException {
        Map<String, Object> variables = variablesOf(DocumentKind.MEETING_NOTICE, "en");
        variables.put("draft", true);
        assertThat(text(RENDERER.pdf(DocumentKind.MEETING_NOTICE, "en", variables)))
                .contains("Draft: not sent to the family.");
    }

    @Test
    void aFamilyLanguageWithoutABundleGetsEnglishAndIsTold() throws IOException {
        assertThat(FamilyLanguages.documentLanguage("vi")).isEqualTo("en");
        assertThat(FamilyLanguages.documentLanguage("es-MX")).isEqualTo("es");
        assertThat(FamilyLanguages.documentLanguage("ES")).isEqualTo("es");
        assertThat(FamilyLanguages.documentLanguage(null)).isEqualTo("en");
        Map<String, Object> variables = variablesOf(DocumentKind.IEP, "en");
        variables.put("notInLanguage", true);
        assertThat(text(RENDERER.pdf(DocumentKind.IEP, "en", variables)))
                .contains("We could not yet write this document in your language.");
    }

    @Test
    void bundlesHaveTheSameKeys() throws IOException {
        var english = new java.util.Properties();
        var spanish = new java.util.Properties();
        try (var en = getClass().getClassLoader().getResourceAsStream("documents/messages.properties");
                var es = getClass().getClassLoader().getResourceAsStream("documents/messages_es.properties")) {
            english.load(new java.io.InputStreamReader(en, java.nio.charset.StandardCharsets.UTF_8));
            spanish.load(new java.io.InputStreamReader(es, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(spanish.keySet()).isEqualTo(english.keySet());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return words(new PDFTextStripper().getText(document));
        }
    }

    /** The text with lines joined: a table cell or a long sentence wraps. */
    static String words(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static Set<String> tags(PDStructureNode node) {
        Set<String> tags = new HashSet<>();
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                tags.add(element.getStructureType());
                tags.addAll(tags(element));
            }
        }
        return tags;
    }
}
