package org.supportplans.documents;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The words a family reads, per language: a resource bundle of {@code .properties} files (one per language, the base
 * file English), read without falling back to the machine's locale, and {@code #{key}} for Thymeleaf templates. A
 * missing key is a bug of the bundles, never text to print to a family.
 */
public final class MessageBundle {

    private final String baseName;

    /** @param baseName e.g. {@code documents/messages} */
    public MessageBundle(String baseName) {
        this.baseName = baseName;
    }

    /** The message in the language (BCP 47), its {0}, {1}... filled in. */
    public String message(String language, String key, Object... parameters) {
        Locale locale = Locale.forLanguageTag(language);
        return new MessageFormat(bundle(locale).getString(key), locale).format(parameters);
    }

    /** {@code #{key}} in templates: the bundle of the template's locale. */
    public IMessageResolver resolver() {
        return new AbstractMessageResolver() {
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
        };
    }

    private ResourceBundle bundle(Locale locale) {
        // no fallback to the machine's locale: a language without a bundle reads the base (English) bundle
        return ResourceBundle.getBundle(
                baseName,
                locale,
                MessageBundle.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
