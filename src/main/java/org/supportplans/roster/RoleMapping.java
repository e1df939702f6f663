package org.supportplans.roster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.supportplans.people.Role;

/**
 * Which of our roles a staff member of the roster gets: from the job title the SIS sends as {@code metadata.title}
 * when the district maps it (our specialist roles are titles, not OneRoster roles: a school psychologist is a
 * OneRoster "teacher" or "counselor"), else from the OneRoster role. The defaults below, with the district's own
 * rows over them ({@code GET/PUT /api/districts/{id}/roster/role-mapping}); a mapping to no role keeps a person
 * out of the product (an aide, a proctor).
 *
 * @param byRole OneRoster role (1EdTech OneRoster 1.2, roles.csv {@code role}) to our role, or empty for none
 * @param byTitle job title, compared without case, to our role, or empty for none
 */
record RoleMapping(Map<String, Optional<Role>> byRole, Map<String, Optional<Role>> byTitle) {

    enum Source {
        ROLE,
        TITLE
    }

    /** A row of the mapping as the API shows and takes it; {@code role} null for none. */
    record Entry(Source source, String value, String role) {}

    static final Map<String, Optional<Role>> DEFAULT_ROLES = ordered(
            "districtAdministrator", Role.DISTRICT_ADMIN,
            "siteAdministrator", Role.LEA_REPRESENTATIVE,
            "principal", Role.LEA_REPRESENTATIVE,
            "teacher", Role.GENERAL_EDUCATION_TEACHER,
            "counselor", Role.MENTAL_HEALTH,
            "aide", null,
            "administrator", null,
            "proctor", null,
            "systemAdministrator", null);

    static final Map<String, Optional<Role>> DEFAULT_TITLES = ordered(
            "special education coordinator", Role.COORDINATOR,
            "school psychologist", Role.SCHOOL_PSYCHOLOGIST,
            "special education teacher", Role.SPECIAL_EDUCATION_TEACHER,
            "speech-language pathologist", Role.SPEECH_LANGUAGE_PATHOLOGIST,
            "school social worker", Role.MENTAL_HEALTH,
            "school counselor", Role.MENTAL_HEALTH,
            "occupational therapist", Role.OT_PT,
            "physical therapist", Role.OT_PT,
            "school nurse", Role.NURSE,
            "vision specialist", Role.VISION_HEARING_SPECIALIST,
            "teacher of the deaf and hard of hearing", Role.VISION_HEARING_SPECIALIST,
            "section 504 coordinator", Role.SECTION_504_COORDINATOR,
            "gifted and talented coordinator", Role.GIFTED_COORDINATOR);

    static RoleMapping defaults() {
        return new RoleMapping(DEFAULT_ROLES, DEFAULT_TITLES);
    }

    /** The defaults with the district's entries over them. */
    RoleMapping with(List<Entry> district) {
        Map<String, Optional<Role>> roles = new LinkedHashMap<>(byRole);
        Map<String, Optional<Role>> titles = new LinkedHashMap<>(byTitle);
        for (Entry entry : district) {
            Optional<Role> role = Optional.ofNullable(entry.role()).flatMap(Role::ofGroupId);
            switch (entry.source()) {
                case ROLE -> roles.put(entry.value(), role);
                case TITLE -> titles.put(normalised(entry.value()), role);
            }
        }
        return new RoleMapping(roles, titles);
    }

    /**
     * Our role for a OneRoster role and title; empty when the person is not one of the school team here. A role or
     * a title not in the mapping: {@code unknown} says so, and the person gets no role.
     */
    Optional<Role> roleOf(String oneRosterRole, String title) {
        if (title != null && !title.isBlank() && byTitle.containsKey(normalised(title))) {
            return byTitle.get(normalised(title));
        }
        return byRole.getOrDefault(oneRosterRole, Optional.empty());
    }

    boolean knows(String oneRosterRole, String title) {
        return (title != null && byTitle.containsKey(normalised(title))) || byRole.containsKey(oneRosterRole);
    }

    List<Entry> entries() {
        List<Entry> entries = new java.util.ArrayList<>();
        byRole.forEach((value, role) -> entries.add(
                new Entry(Source.ROLE, value, role.map(Role::groupId).orElse(null))));
        byTitle.forEach((value, role) -> entries.add(
                new Entry(Source.TITLE, value, role.map(Role::groupId).orElse(null))));
        return entries;
    }

    static String normalised(String title) {
        return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Optional<Role>> ordered(Object... pairs) {
        Map<String, Optional<Role>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], Optional.ofNullable((Role) pairs[i + 1]));
        }
        return map;
    }
}
