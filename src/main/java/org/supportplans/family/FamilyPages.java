package org.supportplans.family;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
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
    private static final String BUNDLE = "family/messages";

    private final TemplateEngine templates = new TemplateEngine();

    FamilyPages() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("family/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates.setTemplateResolver(resolver);
        templates.setMessageResolver(new BundleMessages());
    }

    /** The page of a view, in the language given (English or Spanish). */
    String render(String view, String language, Map<String, Object> variables) {
        Context context = new Context(Locale.forLanguageTag(language), variables);
        context.setVariable("view", view);
        context.setVariable("language", language);
        context.setVariable("otherLanguage", SPANISH.equals(language) ? ENGLISH : SPANISH);
        return templates.process("page", context);
    }

    /** One of the page's languages: Spanish for any Spanish tag, English otherwise. */
    static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return ENGLISH;
        }
        return Locale.forLanguageTag(tag.trim()).getLanguage().equals(SPANISH) ? SPANISH : ENGLISH;
    }

    static String message(String language, String key, Object... parameters) {
        Locale locale = Locale.forLanguageTag(language);
        return new MessageFormat(bundle(locale).getString(key), locale).format(parameters);
    }

    private static ResourceBundle bundle(Locale locale) {
        // no fallback to the machine's locale: a language without a bundle reads the base (English) bundle
        return ResourceBundle.getBundle(
                BUNDLE,
                locale,
                FamilyPages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** {@code #{key}} in the templates: the bundle of the page's language. */
    private static final class BundleMessages extends AbstractMessageResolver {

        @Override
        public String resolveMessage(
                ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
            try {
                String pattern = bundle(context.getLocale()).getString(key);
                return new MessageFormat(pattern, context.getLocale())
                        .format(messageParameters == null ? new Object[0] : messageParameters);
            } catch (MissingResourceException e) {
                return null;
            }
        }

        @Override
        public String createAbsentMessageRepresentation(
                ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
            throw new IllegalStateException("no message " + key + " for " + context.getLocale());
        }
    }
}
