package org.supportplans.cases;

/** What the referral is about. */
public enum Concern {
    ACADEMIC("academic"),
    BEHAVIORAL("behavioral"),
    COMMUNICATION("communication"),
    HEALTH("health"),
    MOTOR("motor"),
    SOCIAL_EMOTIONAL("social-emotional"),
    ADVANCED_ABILITY("advanced ability");

    private final String label;

    Concern(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
