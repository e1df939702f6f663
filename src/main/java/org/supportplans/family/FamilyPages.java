package org.supportplans.family;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.supportplans.documents.MessageBundle;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The family's pages: Thymeleaf templates ({@code family/templates}) with the words of the parents' language
 * ({@code family/messages*.properties}, English and Spanish, written for parents: plain words, short sentences).
 * Every page is the one layout ({@code page.html}) around one view.
 */
@Component
class FamilyPages {

    static final String ENGLISH = "en";
    static final String SPANISH = "es";
    private static final MessageBundle MESSAGES = new MessageBundle("family/messages");

    private final TemplateEngine templates = new TemplateEngine();

    FamilyPages() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("family/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates.setTemplateResolver(resolver);
        templates.setMessageResolver(MESSAGES.resolver());
    }

    /** The page of a view, in the language given (English or Spanish). */
    String render(String view, String language, Map<String, Object> variables) {
        Context context = new Context(Locale.forLanguageTag(language), variables);
        context.setVariable("view", view);
        context.setVariable("language", language);
        context.setVariable("otherLanguage", SPANISH.equals(language) ? ENGLISH : SPANISH);
        return templates.process("page", context);
    }

    /**
     * A paper made on the fly (a template of its own, not the page's layout: {@code receipt.html}), as XHTML for
     * {@link org.supportplans.documents.TaggedPdf}.
     */
    String paper(String template, String language, Map<String, Object> variables) {
        Context context = new Context(Locale.forLanguageTag(language), variables);
        context.setVariable("language", language);
        return templates.process(template, context);
    }

    /** One of the page's languages: Spanish for any Spanish tag, English otherwise. */
    static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return ENGLISH;
        }
        return Locale.forLanguageTag(tag.trim()).getLanguage().equals(SPANISH) ? SPANISH : ENGLISH;
    }

    static String message(String language, String key, Object... parameters) {
        return MESSAGES.message(language, key, parameters);
    }
}
