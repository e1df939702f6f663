package org.supportplans.people;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of the school team. Each is a Camunda group whose id is part of the product's contract
 * (DESIGN.md section 4): BPMN candidate groups, authorizations and the demo users use these ids.
 */
public enum Role {
    COORDINATOR("coordinator", "Coordinator"),
    SCHOOL_PSYCHOLOGIST("school-psychologist", "School psychologist"),
    SPECIAL_EDUCATION_TEACHER("special-education-teacher", "Special education teacher"),
    SPEECH_LANGUAGE_PATHOLOGIST("speech-language-pathologist", "Speech-language pathologist"),
    MENTAL_HEALTH("mental-health", "School social worker / counselor"),
    OT_PT("ot-pt", "Occupational / physical therapist"),
    NURSE("nurse", "School nurse"),
    GENERAL_EDUCATION_TEACHER("general-education-teacher", "General education teacher"),
    LEA_REPRESENTATIVE("lea-representative", "LEA representative"),
    VISION_HEARING_SPECIALIST("vision-hearing-specialist", "Vision and hearing specialist"),
    SECTION_504_COORDINATOR("section-504-coordinator", "Section 504 coordinator"),
    GIFTED_COORDINATOR("gifted-coordinator", "Gifted education coordinator"),
    DISTRICT_ADMIN("district-admin", "District administrator");

    private final String groupId;
    private final String displayName;

    Role(String groupId, String displayName) {
        this.groupId = groupId;
        this.displayName = displayName;
    }

    /** The Camunda group id, e.g. {@code school-psychologist}. */
    public String groupId() {
        return groupId;
    }

    public String displayName() {
        return displayName;
    }

    /** Roles that receive and triage referrals and may start cases. */
    public boolean coordinatesCases() {
        return this == COORDINATOR || this == SECTION_504_COORDINATOR || this == GIFTED_COORDINATOR;
    }

    /** Roles that follow cases across the school in Cockpit and in reports. */
    public boolean overseesCases() {
        return coordinatesCases() || this == DISTRICT_ADMIN;
    }

    public static Optional<Role> ofGroupId(String groupId) {
        return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
    }
}
