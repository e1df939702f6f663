package org.supportplans.documents;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages documents are written in: English, and every language with a message bundle
 * ({@code documents/messages_<language>.properties}, written by a person). A district adds a language by
 * adding a bundle.
 */
public final class FamilyLanguages {

    public static final String ENGLISH = "en";

    private FamilyLanguages() {}

    /** A BCP 47 tag in its canonical form ({@code ES} becomes {@code es}), or empty when it is not one. */
    public static Optional<String> canonical(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** The language a document for a family of this language is written in: theirs when a bundle exists. */
    public static String documentLanguage(String familyLanguage) {
        String language = canonical(familyLanguage)
                .map(tag -> Locale.forLanguageTag(tag).getLanguage())
                .orElse(ENGLISH);
        return hasBundle(language) ? language : ENGLISH;
    }

    static boolean hasBundle(String language) {
        return ENGLISH.equals(language)
                || FamilyLanguages.class.getClassLoader().getResource("documents/messages_" + language + ".properties")
                        != null;
    }
}
