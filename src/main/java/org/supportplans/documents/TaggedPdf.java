package org.supportplans.documents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A tagged PDF (PDF/UA-1, PDF/A-3a) of an XHTML page, rendered as the documents are, for other modules' papers that
 * are made on the fly and never sealed (the family's receipt, the sheet with the link and code). The page names its
 * font {@value DocumentRenderer#FONT_FAMILY}, carries a {@code <title>} and a {@code lang}; nothing is stored.
 */
@Component
public class TaggedPdf {

    public static final String FONT_FAMILY = DocumentRenderer.FONT_FAMILY;

    private final DocumentRenderer renderer;

    @Autowired
    TaggedPdf(DocumentRenderer renderer) {
        this.renderer = renderer;
    }

    /** A renderer of its own, outside the application (a unit test of another module's paper). */
    public TaggedPdf() {
        this(new DocumentRenderer());
    }

    public byte[] render(String xhtml) {
        return renderer.pdf(xhtml);
    }
}
