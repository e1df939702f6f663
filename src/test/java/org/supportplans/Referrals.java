package org.supportplans;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Referral bodies as DESIGN.md section 4 gives them, for a new student each time. */
public final class Referrals {

    /** The demo district's time zone: "today" for a case is today there. */
    public static final ZoneId DEMO_ZONE = ZoneId.of("America/Denver");

    private Referrals() {}

    /** Today in the demo district, on the engine's clock (which {@link PinnedToday} may have set). */
    public static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.now().toInstant(), DEMO_ZONE);
    }

    public static String newStudentId() {
        return "S-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> of(String localId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "student",
                new LinkedHashMap<>(Map.of(
                        "localId", localId, "firstName", "Maya", "lastName", "Lopez", "dateOfBirth", "2016-04-02")));
        body.put("schoolId", "lincoln-elementary");
        body.put("receivedOn", today().minusDays(3).toString());
        body.put("referredBy", new LinkedHashMap<>(Map.of("role", "PARENT", "name", "Ana Lopez")));
        body.put("concerns", List.of("ACADEMIC", "COMMUNICATION"));
        body.put("parentRequestedEvaluation", true);
        body.put("reason", "Reading two years below grade level; the parents asked for an evaluation.");
        return body;
    }
}
