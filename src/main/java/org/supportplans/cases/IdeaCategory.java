package org.supportplans.cases;

/** The disability categories of IDEA (34 CFR 300.8(c)). */
public enum IdeaCategory {
    AUTISM("autism"),
    DEAF_BLINDNESS("deaf-blindness"),
    DEAFNESS("deafness"),
    DEVELOPMENTAL_DELAY("developmental delay"),
    EMOTIONAL_DISTURBANCE("emotional disturbance"),
    HEARING_IMPAIRMENT("hearing impairment"),
    INTELLECTUAL_DISABILITY("intellectual disability"),
    MULTIPLE_DISABILITIES("multiple disabilities"),
    ORTHOPEDIC_IMPAIRMENT("orthopedic impairment"),
    OTHER_HEALTH_IMPAIRMENT("other health impairment"),
    SPECIFIC_LEARNING_DISABILITY("specific learning disability"),
    SPEECH_LANGUAGE_IMPAIRMENT("speech or language impairment"),
    TRAUMATIC_BRAIN_INJURY("traumatic brain injury"),
    VISUAL_IMPAIRMENT("visual impairment, including blindness");

    private final String label;

    IdeaCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
