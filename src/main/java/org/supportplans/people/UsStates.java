package org.supportplans.people;

/**
 * The two-letter codes of the jurisdictions a district can belong to: "each of the 50 States, the
 * District of Columbia, the Commonwealth of Puerto Rico, and each of the outlying areas" (34 CFR 300.40;
 * the outlying areas, 300.33: the US Virgin Islands, Guam, American Samoa and the Northern Mariana
 * Islands).
 */
final class UsStates {

    /** The codes as a regular expression, for Bean Validation's {@code @Pattern}. */
    static final String PATTERN = "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT"
            + "|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
            + "|DC|PR|VI|GU|AS|MP";

    private UsStates() {}
}
