package org.supportplans.cases;

import org.supportplans.people.Role;

/** An area the team evaluates, and the role that does it (DESIGN.md section 2, step 4). */
public enum EvaluationArea {
    COGNITIVE("Cognitive", Role.SCHOOL_PSYCHOLOGIST),
    ACADEMIC("Academic achievement", Role.SPECIAL_EDUCATION_TEACHER),
    SPEECH_LANGUAGE("Speech and language", Role.SPEECH_LANGUAGE_PATHOLOGIST),
    OT_PT("Motor (occupational and physical therapy)", Role.OT_PT),
    SOCIAL_EMOTIONAL("Social-emotional and behavioral", Role.MENTAL_HEALTH),
    HEALTH("Health", Role.NURSE),
    VISION_HEARING("Vision and hearing", Role.VISION_HEARING_SPECIALIST),
    OBSERVATION("Classroom observation", Role.GENERAL_EDUCATION_TEACHER),
    GIFTED_MEASURES("Gifted identification measures", Role.GIFTED_COORDINATOR);

    private final String label;
    private final Role role;

    EvaluationArea(String label, Role role) {
        this.label = label;
        this.role = role;
    }

    public String label() {
        return label;
    }

    public Role role() {
        return role;
    }
}
