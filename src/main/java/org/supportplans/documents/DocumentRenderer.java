package org.supportplans.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a document: the Thymeleaf template {@code documents/templates/document.html} with the message
 * bundle of the document's language, then openhtmltopdf to a tagged PDF (PDF/UA-1, PDF/A-3a) with the
 * bundled Liberation Sans (SIL Open Font License 1.1), embedded and subset. No system font is used.
 */
@Component
class DocumentRenderer {

    static final String FONT_FAMILY = "Liberation Sans";
    private static final MessageBundle MESSAGES = new MessageBundle("documents/messages");

    private final TemplateEngine templates = new TemplateEngine();
    private final byte[] regular = resource("documents/fonts/LiberationSans-Regular.ttf");
    private final byte[] bold = resource("documents/fonts/LiberationSans-Bold.ttf");
    private final byte[] colorProfile =
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    static {
        // openhtmltopdf writes four lines to the console for every document it renders: warnings only
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
                .forEach(logger -> com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING));
    }

    DocumentRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("documents/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates.setTemplateResolver(resolver);
        templates.setMessageResolver(MESSAGES.resolver());
    }

    /** The document as XHTML, in the language's bundle; {@code variables} as {@link DocumentContent} makes them. */
    String html(DocumentKind kind, String language, Map<String, Object> variables) {
        Locale locale = Locale.forLanguageTag(language);
        Context context = new Context(locale, variables);
        context.setVariable("kind", kind.name());
        context.setVariable("language", language);
        context.setVariable("f", new DocumentFormat(locale));
        return templates.process("document", context);
    }

    /** The sealed bytes: a PDF/UA-1 document. */
    byte[] pdf(DocumentKind kind, String language, Map<String, Object> variables) {
        return pdf(html(kind, language, variables));
    }

    /** Any XHTML page as a PDF/UA-1 document, with the bundled fonts (family {@value #FONT_FAMILY}). */
    byte[] pdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_A);
        builder.useColorProfile(colorProfile);
        builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.withProducer("Support Plans");
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the document could not be rendered", e);
        }
        return out.toByteArray();
    }

    static String message(String language, String key, Object... parameters) {
        return MESSAGES.message(language, key, parameters);
    }

    private static byte[] resource(String path) {
        try (InputStream in = DocumentRenderer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
