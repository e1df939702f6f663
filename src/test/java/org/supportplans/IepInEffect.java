package org.supportplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A case with an IEP in effect, driven over HTTP as the school team would, for the tests of the year between reviews:
 * the plan meeting on Monday 14 September 2026 (today is pinned there), the IEP from Wednesday the 16th to 30 June
 * 2027 in the demo district's 2026-2027 calendar, with two services: speech-language therapy 30 minutes weekly and
 * specialized reading instruction 20 minutes daily.
 */
public final class IepInEffect {

    public static final LocalDate MEETING = LocalDate.of(2026, 9, 14);
    public static final LocalDate STARTS = LocalDate.of(2026, 9, 16);
    public static final LocalDate ENDS = LocalDate.of(2027, 6, 30);

    /** Annual goals: reading and writing, one a paragraph. */
    public static final String READING_AND_WRITING =
            "Reads second-grade text at 60 words correct per minute by June.\n\n"
                    + "Writes a five-sentence paragraph with a topic sentence in 4 of 5 probes.";

    private IepInEffect() {}

    /**
     * The referral's case (received three days before the meeting), driven to its IEP in effect ({@link #iep}, with
     * these annual goals); answers its id.
     */
    public static String of(int port, Map<String, Object> referral, String annualGoals) {
        PinnedToday.moveTo(MEETING);
        Map<String, Object> received = new java.util.LinkedHashMap<>(referral);
        received.put("receivedOn", MEETING.minusDays(3).toString());
        String caseId = CaseDriver.overHttp(port)
                .aCase(received)
                .triaged()
                .consented(MEETING)
                .evaluationPlanned("COGNITIVE")
                .areaEvaluated("school-psychologist", MEETING, "Average reasoning, weak decoding.")
                .eligible(MEETING)
                .meetingScheduled(MEETING)
                .iepWritten(iep(annualGoals))
                .meetingHeld(MEETING)
                .servicesConsented(MEETING)
                .id();
        Http coordinator = Http.as(port, "coordinator");
        Tasks.await(
                "the IEP in effect",
                () -> coordinator
                        .get("/api/cases/" + caseId)
                        .json()
                        .path("phase")
                        .asText()
                        .equals("PLAN_IN_EFFECT"));
        return caseId;
    }

    /**
     * The id of the case's IEP version in effect: its services are {@code <planId>.1} (speech-language therapy) and
     * {@code <planId>.2} (specialized reading instruction).
     */
    public static long planId(Http staff, String caseId) {
        return staff.get("/api/cases/" + caseId + "/goals")
                .json()
                .get(0)
                .path("planId")
                .asLong();
    }

    /**
     * Sets how the goals of {@link #READING_AND_WRITING} are measured, as a coordinator does: reading from 40 to 60
     * words correct per minute, writing from 1 to 4 paragraphs of 5 meeting the rubric. Answers their ids, reading
     * first.
     */
    public static List<String> readingAndWritingMeasured(Http coordinator, String caseId) {
        com.fasterxml.jackson.databind.JsonNode goals =
                coordinator.get("/api/cases/" + caseId + "/goals").json();
        String reading = goals.get(0).path("id").asText();
        String writing = goals.get(1).path("id").asText();
        measure(coordinator, caseId, reading, 40, 60, "words correct per minute");
        measure(coordinator, caseId, writing, 1, 4, "paragraphs of 5 meeting the rubric");
        return List.of(reading, writing);
    }

    /** Sets how a goal is measured (a weekly probe the special education teacher takes), as a coordinator does. */
    private static void measure(Http coordinator, String caseId, String goalId, int baseline, int target, String unit) {
        Http.Response measured = coordinator.put(
                "/api/cases/" + caseId + "/goals/" + goalId + "/measurement",
                Map.of(
                        "baseline",
                        baseline,
                        "target",
                        target,
                        "unit",
                        unit,
                        "measuredHow",
                        "Weekly probe",
                        "measuredEvery",
                        "WEEKLY",
                        "providerRole",
                        "special-education-teacher"));
        assertThat(measured.status()).as(measured.body()).isEqualTo(200);
    }

    /** Records a data point of the goal, on that day. */
    public static void dataPoint(Http staff, String caseId, String goalId, String on, Number value) {
        Http.Response point = staff.post(
                "/api/cases/" + caseId + "/goals/" + goalId + "/data-points", Map.of("measuredOn", on, "value", value));
        assertThat(point.status()).as(point.body()).isEqualTo(201);
    }

    /** The IEP's form: its annual goals (one a paragraph) and the two services, for the whole IEP. */
    public static Map<String, Object> iep(String annualGoals) {
        Map<String, Object> iep = CaseDriver.Forms.iep(STARTS);
        iep.put("iepEndsOn", ENDS.toString());
        iep.put("annualGoals", annualGoals);
        iep.put(
                "services",
                List.of(
                        Map.of(
                                "service", "Speech-language therapy",
                                "providerRole", "speech-language-pathologist",
                                "minutes", 30,
                                "frequency", "WEEKLY",
                                "setting", "RELATED_SERVICES_ROOM",
                                "startsOn", STARTS.toString(),
                                "endsOn", ENDS.toString()),
                        Map.of(
                                "service", "Specialized reading instruction",
                                "providerRole", "special-education-teacher",
                                "minutes", 20,
                                "frequency", "DAILY",
                                "setting", "SPECIAL_EDUCATION",
                                "startsOn", STARTS.toString(),
                                "endsOn", ENDS.toString())));
        return iep;
    }
}
