package org.supportplans.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and words as a family reads them, in the document's language ({@code f} in the templates). */
public final class DocumentFormat {

    private final Locale locale;
    private final DateTimeFormatter dates;

    DocumentFormat(Locale locale) {
        this.locale = locale;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    }

    /** 3 December 2026 as {@code December 3, 2026} or {@code 3 de diciembre de 2026}. */
    public String date(LocalDate date) {
        return date == null ? "—" : dates.format(date);
    }

    /** A code as words: {@code SPECIAL_EDUCATION_TEACHER} as {@code special education teacher}. */
    public String words(String code) {
        if (code == null) {
            return "—";
        }
        return code.matches("[A-Z0-9_\\-]+")
                ? code.toLowerCase(locale).replace('_', ' ').replace('-', ' ')
                : code;
    }

    /** Staff's text as written, or a dash when nothing was written. */
    public String orNone(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
