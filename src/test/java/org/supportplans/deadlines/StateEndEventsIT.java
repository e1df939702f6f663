package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.supportplans.CaseDriver;
import org.supportplans.CaseDriver.Forms;
import org.supportplans.CaseDriver.Step;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;
import org.supportplans.cases.CaseClocks;
import org.supportplans.cases.ClockKind;
import org.supportplans.cases.ClockStart;
import org.supportplans.people.District;
import org.supportplans.people.DistrictRepository;
import org.supportplans.people.School;
import org.supportplans.people.SchoolRepository;

/**
 * A case in each state whose timeline ends past eligibility, driven through its steps: the state's clock stops at
 * the state's end event and not before (issue 14). Each state's district keeps school from 15 August to 31 May on
 * every weekday, this school year and the next.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateEndEventsIT {

    static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    static final List<String> STATES = List.of("IL", "CA", "MI", "MA", "NJ", "CT", "NY", "TX", "WA", "PA");

    @LocalServerPort
    int port;

    @Autowired
    DistrictRepository districts;

    @Autowired
    SchoolRepository schools;

    @Autowired
    SchoolCalendars calendars;

    @Autowired
    CaseClocks caseClocks;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    LocalDate today;
    Http admin;

    @BeforeAll
    void aDistrictInEachState() {
        today = LocalDate.now(CENTRAL);
        admin = Http.as(port, "demo");
        for (String state : STATES) {
            String district = district(state);
            if (districts.findById(district).isEmpty()) {
                District saved = districts.save(new District(district, state + " test district", state, CENTRAL));
                schools.save(new School(school(state), saved, state + " test school"));
            }
            calendars.put(district, schoolYear(today));
            calendars.put(district, schoolYear(today.plusYears(1)));
        }
    }

    @Test
    void illinoisAndCaliforniaStopAtTheIepMeeting() {
        for (String state : List.of("IL", "CA")) {
            CaseDriver.Case supportCase = eligible(state);
            assertThat(status(supportCase, "initial-evaluation")).as(state).isEqualTo("MET");
            assertThat(status(supportCase, "state-evaluation-timeline"))
                    .as(state + ": eligibility is not the state's end")
                    .isEqualTo("RUNNING");

            supportCase.meetingScheduled(today).iepWritten(today).meetingHeld(today);

            assertThat(status(supportCase, "state-evaluation-timeline"))
                    .as(state + ": the IEP developed at the meeting")
                    .isEqualTo("MET");
        }
    }

    @Test
    void michiganAndMassachusettsStopWhenTheProposedIepReachesTheParents() {
        for (String state : List.of("MI", "MA")) {
            // the IEP is drafted before the meeting and finalised there; then the proposed IEP goes to the parents
            // with the request for their consent to services
            CaseDriver.Case supportCase =
                    eligible(state).meetingScheduled(today).iepWritten(today);
            assertThat(status(supportCase, "state-evaluation-timeline"))
                    .as(state + ": a draft is not the state's end")
                    .isEqualTo("RUNNING");

            supportCase.meetingHeld(today);

            Tasks.await(
                    state + ": the proposed IEP sent with the request for consent to services",
                    () -> "MET".equals(status(supportCase, "state-evaluation-timeline")));
        }
    }

    @Test
    void massachusettsStopsAtTheNoticeOfIneligibility() {
        CaseDriver.Case supportCase = evaluated("MA")
                .did("demo", Step.DECIDE_ELIGIBILITY, Forms.eligibility(today, "NOT_ELIGIBLE", "No disability."));

        Tasks.await(
                "the notice that the student is not eligible sent",
                () -> "MET".equals(status(supportCase, "state-evaluation-timeline")));
    }

    @Test
    void newJerseyConnecticutAndNewYorkStopWhenTheIepIsImplemented() {
        for (String state : List.of("NJ", "CT", "NY")) {
            CaseDriver.Case supportCase =
                    eligible(state).meetingScheduled(today).iepWritten(today).meetingHeld(today);
            Tasks.await(
                    state + ": waiting for the parents' consent to services",
                    () -> admin.get("/api/cases/" + supportCase.id()).body().contains("SERVICES_CONSENT"));
            assertThat(status(supportCase, "state-evaluation-timeline"))
                    .as(state + ": the proposed IEP is not the state's end")
                    .isEqualTo("RUNNING");

            supportCase.servicesConsented(today);

            Tasks.await(
                    state + ": the IEP implemented",
                    () -> "MET".equals(status(supportCase, "state-evaluation-timeline")));
        }
    }

    @Test
    void connecticutCountsFromTheReferralAndTheFederalSixtyDaysFromConsent() {
        CaseDriver.Case supportCase = driver().aCase(referral("CT")).triaged();
        JsonNode state = clock(supportCase, "state-evaluation-timeline").orElseThrow();
        assertThat(state.path("startEvent").asText()).isEqualTo("REFERRAL");
        assertThat(state.path("startDate").asText())
                .isEqualTo(today.minusDays(2).toString());
        assertThat(clock(supportCase, "initial-evaluation"))
                .as("not before consent")
                .isEmpty();
        Tasks.await(
                "the days spent obtaining consent are not counted (RCSA 10-76d-13(a)(1))",
                () -> "PAUSED".equals(status(supportCase, "state-evaluation-timeline")));

        supportCase.consented(today);
        assertThat(status(supportCase, "state-evaluation-timeline"))
                .as("counting again from the consent")
                .isEqualTo("RUNNING");
        JsonNode initial = clock(supportCase, "initial-evaluation").orElseThrow();
        assertThat(initial.path("dueDate").asText())
                .isEqualTo(today.plusDays(60).toString());
    }

    @Test
    void texasStopsAtTheWrittenReportAndCountsTheArdMeetingFromIt() {
        CaseDriver.Case supportCase = evaluated("TX");

        assertThat(status(supportCase, "initial-evaluation"))
                .as("the written report is complete with its last area")
                .isEqualTo("MET");
        JsonNode ard = clock(supportCase, "iep-meeting").orElseThrow();
        assertThat(ard.path("startEvent").asText()).isEqualTo("EVALUATION_REPORT");
        // 19 TAC 89.1011: 30 calendar days from the report (today, in session: 15 August to 31 May)
        LocalDate thirty = today.plusDays(30);
        boolean summer = thirty.getMonthValue() == 6
                || thirty.getMonthValue() == 7
                || (thirty.getMonthValue() == 8 && thirty.getDayOfMonth() < 15);
        assertThat(ard.path("dueDate").asText())
                .isEqualTo((summer ? LocalDate.of(thirty.getYear(), 8, 15) : thirty).toString());

        supportCase.did("demo", Step.DECIDE_ELIGIBILITY, Forms.eligibleForAnIep(today));
        supportCase.meetingScheduled(today).iepWritten(today).meetingHeld(today);
        assertThat(status(supportCase, "iep-meeting")).isEqualTo("MET");
    }

    /**
     * Tex. Educ. Code 29.004(c): 15 school days from the request to the consent request (or the refusal): the
     * coordinator's "Triage the referral" is due that day, and asking for consent meets the clock.
     */
    @Test
    void texasTriageIsDueByTheFifteenthSchoolDayAndTheConsentRequestMeetsIt() {
        CaseDriver.Case supportCase = driver().aCase(referral("TX"));

        JsonNode decision = clock(supportCase, "referral-decision").orElseThrow();
        assertThat(decision.path("status").asText()).isEqualTo("RUNNING");
        Tasks.await(
                "the triage task",
                () -> Tasks.all(admin, supportCase.id()).stream()
                        .anyMatch(task -> task.path("name").asText().equals(Step.TRIAGE_REFERRAL.taskName())));
        JsonNode triage = Tasks.open(admin, supportCase.id(), Step.TRIAGE_REFERRAL.taskName());
        // the engine REST API's dates: 2026-09-23T07:00:00.000-0500
        assertThat(java.time.OffsetDateTime.parse(
                                triage.path("due").asText(),
                                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
                        .atZoneSameInstant(CENTRAL)
                        .toLocalDate()
                        .toString())
                .as("the task is due on the clock's day")
                .isEqualTo(decision.path("dueDate").asText());

        supportCase.triaged();

        assertThat(status(supportCase, "referral-decision"))
                .as("the consent request meets it")
                .isEqualTo("MET");
    }

    @Test
    void theIepMeetingIsDueByTheEarlierOfItsThirtyDaysAndTheStatesDate() {
        // Michigan: consent 40 days ago, eligibility 5 days ago. 34 CFR 300.323(c)(1) alone: 25 days from now;
        // R 340.1721b(1)(a): 30 school days from consent, sooner
        CaseDriver.Case supportCase = driver().aCase(referral("MI")).triaged();
        LocalDate consent = today.minusDays(40);
        LocalDate eligibility = today.minusDays(5);
        caseClocks.start(supportCase.id(), ClockKind.INITIAL_EVALUATION, ClockStart.CONSENT, consent);
        LocalDate stateDue = nthSchoolDayAfter(consent, 30);
        assertThat(clock(supportCase, "state-evaluation-timeline")
                        .orElseThrow()
                        .path("dueDate")
                        .asText())
                .isEqualTo(stateDue.toString());

        LocalDate due = caseClocks
                .start(supportCase.id(), ClockKind.IEP_MEETING, ClockStart.ELIGIBILITY, eligibility)
                .orElseThrow();

        LocalDate thirtyDays = eligibility.plusDays(30);
        assertThat(due).isEqualTo(stateDue.isBefore(thirtyDays) ? stateDue : thirtyDays);
    }

    @Test
    void texasAbsencesOfThreeSchoolDaysOrMoreExtendTheEvaluation() {
        // Tex. Educ. Code 29.004(a): consent 20 days ago; absent on the first three school days after it
        CaseDriver.Case supportCase = driver().aCase(referral("TX")).triaged();
        LocalDate consent = today.minusDays(20);
        caseClocks.start(supportCase.id(), ClockKind.INITIAL_EVALUATION, ClockStart.CONSENT, consent);
        JsonNode clock = clock(supportCase, "initial-evaluation").orElseThrow();
        assertThat(clock.path("dueDate").asText())
                .isEqualTo(nthSchoolDayAfter(consent, 45).toString());
        long clockId = clock.path("id").asLong();

        Http.Response future = admin.post(
                "/api/clocks/" + clockId + "/absences",
                Map.of("days", List.of(today.plusDays(1).toString())));
        assertThat(future.status()).as("an absence in the future").isEqualTo(400);
        List<String> absent = List.of(
                nthSchoolDayAfter(consent, 1).toString(),
                nthSchoolDayAfter(consent, 2).toString(),
                nthSchoolDayAfter(consent, 3).toString());
        JsonNode extended = admin.post("/api/clocks/" + clockId + "/absences", Map.of("days", absent))
                .json();

        assertThat(extended.path("clock").path("dueDate").asText())
                .as("the 45th school day, then 3 more")
                .isEqualTo(nthSchoolDayAfter(consent, 48).toString());
        assertThat(extended.path("clock").path("reasonCode").asText()).isEqualTo("STUDENT_ABSENT");
    }

    @Test
    void aTexasReportDueThe30thOfJuneHasItsArdMeetingByThe15thSchoolDayOfTheNextYear() {
        // Tex. Educ. Code 29.004(a-1): consent 40 school days before the last instructional day (31 May here): the
        // report by 30 June; "The student's admission, review, and dismissal committee shall meet not later than the
        // 15th school day of the following school year". Weekdays from 15 August to 31 May are the school days.
        int start = SchoolYearCalendar.startYear(SchoolYearCalendar.schoolYearOf(today));
        LocalDate lastDay = LocalDate.of(start + 1, 5, 31);
        LocalDate consent = lastDay;
        for (int left = 0; left < 40; ) {
            if (!SchoolYearCalendar.isWeekend(consent)) {
                left++;
            }
            consent = consent.minusDays(1);
        }
        CaseDriver.Case supportCase = driver().aCase(referral("TX")).triaged();
        caseClocks.start(supportCase.id(), ClockKind.INITIAL_EVALUATION, ClockStart.CONSENT, consent);
        assertThat(clock(supportCase, "initial-evaluation")
                        .orElseThrow()
                        .path("dueDate")
                        .asText())
                .as("40 school days left after consent: the report by 30 June")
                .isEqualTo(LocalDate.of(start + 1, 6, 30).toString());

        LocalDate report = LocalDate.of(start + 1, 6, 15);
        LocalDate ardDue = caseClocks
                .start(supportCase.id(), ClockKind.IEP_MEETING, ClockStart.EVALUATION_REPORT, report)
                .orElseThrow();

        // not 30 days after the report moved to the first day of school: the 15th school day from 15 August
        assertThat(ardDue).isEqualTo(nthSchoolDayAfter(report, 15));
        assertThat(clock(supportCase, "iep-meeting")
                        .orElseThrow()
                        .path("legalBasis")
                        .asText())
                .contains("Tex. Educ. Code 29.004(a-1)");
    }

    @Test
    void aSchoolThatKeepsItsOwnCalendarCountsOnItAndOnTheDistrictsForOtherYears() {
        // a year-round school of the Washington district: two weeks off from tomorrow this year
        String school = "i14-wa-year-round-school";
        if (schools.findById(school).isEmpty()) {
            schools.save(new School(school, districts.findById(district("WA")).orElseThrow(), "WA year-round"));
        }
        String year = SchoolYearCalendar.schoolYearOf(today);
        int start = SchoolYearCalendar.startYear(year);
        LocalDate breakFrom = today.plusDays(1);
        LocalDate breakTo = today.plusDays(14);
        Http.Response put = admin.put(
                "/api/schools/" + school + "/calendars/" + year,
                Map.of(
                        "firstDay", LocalDate.of(start, 8, 15).toString(),
                        "lastDay", LocalDate.of(start + 1, 5, 31).toString(),
                        "noSchool",
                                List.of(Map.of(
                                        "from",
                                        breakFrom.toString(),
                                        "to",
                                        breakTo.toString(),
                                        "name",
                                        "Intersession"))));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        assertThat(admin.put("/api/schools/" + school + "/calendars/2026", Map.of("firstDay", "2026-08-15"))
                        .status())
                .as("not a school year")
                .isEqualTo(400);
        // the same calendar as the iCalendar file a year-round school publishes replaces it (DTEND exclusive)
        String ics = String.join(
                "\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Year-round school//EN",
                "BEGIN:VEVENT",
                "UID:intersession@i14",
                "DTSTART;VALUE=DATE:" + breakFrom.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                "DTEND;VALUE=DATE:" + breakTo.plusDays(1).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                "SUMMARY:Intersession",
                "END:VEVENT",
                "END:VCALENDAR",
                "");
        Http.Response imported = admin.put(
                "/api/schools/" + school + "/calendars/" + year + "?firstDay=" + LocalDate.of(start, 8, 15)
                        + "&lastDay=" + LocalDate.of(start + 1, 5, 31),
                ics,
                "text/calendar");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode own =
                admin.get("/api/schools/" + school + "/calendars/" + year).json();
        assertThat(own.path("noSchool").get(0).path("from").asText()).isEqualTo(breakFrom.toString());
        assertThat(own.path("noSchool").get(0).path("to").asText()).isEqualTo(breakTo.toString());
        assertThat(admin.get("/api/schools/" + school + "/calendars/2040-2041").status())
                .as("a year the school keeps no calendar of its own for")
                .isEqualTo(404);

        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("schoolId", school);
        referral.put("receivedOn", today.minusDays(2).toString());
        CaseDriver.Case supportCase = driver().aCase(referral).triaged().consented(today);

        // WAC 392-172A-03005(3)(a): 35 school days of the school's own calendar (the intersession not counted)
        LocalDate day = today;
        int counted = 0;
        while (counted < 35) {
            day = day.plusDays(1);
            int month = day.getMonthValue();
            boolean inSession = !(month == 6 || month == 7 || (month == 8 && day.getDayOfMonth() < 15));
            boolean intersession = !day.isBefore(breakFrom) && !day.isAfter(breakTo);
            if (inSession && !intersession && !SchoolYearCalendar.isWeekend(day)) {
                counted++;
            }
        }
        assertThat(clock(supportCase, "initial-evaluation")
                        .orElseThrow()
                        .path("dueDate")
                        .asText())
                .isEqualTo(day.toString());
        // the preview counts on the school's own calendar when it names the school, else on the district's
        String preview =
                "/api/deadlines/preview?district=" + district("WA") + "&clock=initial-evaluation&start=" + today;
        assertThat(admin.get(preview + "&school=" + school)
                        .json()
                        .path("dueDate")
                        .asText())
                .isEqualTo(day.toString());
        assertThat(admin.get(preview).json().path("dueDate").asText())
                .isEqualTo(nthSchoolDayAfter(today, 35).toString());
        assertThat(admin.get("/api/deadlines/preview?district=" + district("CA") + "&clock=initial-evaluation&start="
                                + today + "&school=" + school)
                        .status())
                .as("a school of another district")
                .isEqualTo(400);
        // a school of the same district without a calendar of its own counts on the district's
        CaseDriver.Case other = driver().aCase(referral("WA")).triaged().consented(today);
        assertThat(clock(other, "initial-evaluation")
                        .orElseThrow()
                        .path("dueDate")
                        .asText())
                .isEqualTo(nthSchoolDayAfter(today, 35).toString());
    }

    @Test
    void pennsylvaniaReevaluatesAnIntellectualDisabilityWithinTwoYears() {
        // 22 Pa. Code 14.124(c): the IEP of a student with an intellectual disability in effect: reevaluation due two
        // years after the evaluation (the eligibility decision today)
        Map<String, Object> eligibility = Forms.eligibility(today, "IEP", "Intellectual disability.");
        eligibility.put("ideaCategories", List.of("INTELLECTUAL_DISABILITY"));
        CaseDriver.Case supportCase = evaluated("PA")
                .did("demo", Step.DECIDE_ELIGIBILITY, eligibility)
                .meetingScheduled(today)
                .iepWritten(today)
                .meetingHeld(today)
                .servicesConsented(today);

        Tasks.await(
                "the IEP in effect", () -> clock(supportCase, "reevaluation").isPresent());
        JsonNode reevaluation = clock(supportCase, "reevaluation").orElseThrow();
        assertThat(reevaluation.path("dueDate").asText())
                .isEqualTo(today.plusYears(2).toString());
        assertThat(reevaluation.path("legalBasis").asText()).isEqualTo("22 Pa. Code 14.124(c)");
    }

    @Test
    void thePreviewTakesTheReferralDate() {
        JsonNode preview = admin.get("/api/deadlines/preview?district=" + district("CA")
                        + "&clock=state-evaluation-timeline&start=" + today + "&referredOn=" + today.minusDays(3))
                .json();
        assertThat(preview.path("referredOn").asText())
                .isEqualTo(today.minusDays(3).toString());
        assertThat(preview.path("endsAt").toString()).contains("MEETING_HELD");
        assertThat(preview.path("endOfYear").asText()).isEqualTo("CA_30_DAYS_INTO_NEXT_YEAR");
        JsonNode withoutReferral = admin.get("/api/deadlines/preview?district=" + district("CA")
                        + "&clock=state-evaluation-timeline&start=" + today)
                .json();
        assertThat(withoutReferral.path("referredOn").asText()).isEqualTo(today.toString());
    }

    @Test
    void aCountIntoAYearWithoutItsCalendarIsProvisionalAndTheDistrictAdministratorIsAskedForIt() {
        // Washington, 35 school days (WAC 392-172A-03005(3)(a)); this school year ends in a week, the next year's
        // calendar is not loaded
        String district = "i14-wa-short-district";
        String school = "i14-wa-short-school";
        if (districts.findById(district).isEmpty()) {
            District saved = districts.save(new District(district, "WA short-year district", "WA", CENTRAL));
            schools.save(new School(school, saved, "WA short-year school"));
        }
        String year = SchoolYearCalendar.schoolYearOf(today);
        int start = SchoolYearCalendar.startYear(year);
        LocalDate lastDay = today.plusDays(7);
        calendars.put(district, new SchoolYearCalendar(year, LocalDate.of(start, 8, 15), lastDay, List.of()));
        String nextYear = (start + 1) + "-" + (start + 2);
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("schoolId", school);
        referral.put("receivedOn", today.minusDays(2).toString());
        CaseDriver.Case supportCase = driver().aCase(referral).triaged().consented(today);

        // by hand: the weekdays after today up to the last day, then every weekday from 1 July (the next year's
        // calendar missing: school taken to be held on every weekday)
        LocalDate day = today;
        int counted = 0;
        while (counted < 35) {
            day = day.plusDays(1);
            boolean thisYear = !day.isAfter(lastDay);
            boolean nextYears = !day.isBefore(LocalDate.of(start + 1, 7, 1));
            if ((thisYear || nextYears) && !SchoolYearCalendar.isWeekend(day)) {
                counted++;
            }
        }
        JsonNode clock = clock(supportCase, "initial-evaluation").orElseThrow();
        assertThat(clock.path("dueDate").asText()).isEqualTo(day.toString());
        assertThat(clock.path("dueUnknownReason").asText())
                .startsWith("Provisional: the school calendar " + nextYear + " is not loaded yet");
        assertThat(loadCalendarTasks(nextYear)).hasSize(1);

        calendars.put(district, schoolYear(LocalDate.of(start + 1, 8, 15)));

        JsonNode counted2 = clock(supportCase, "initial-evaluation").orElseThrow();
        assertThat(counted2.path("dueUnknownReason").isNull()
                        || counted2.path("dueUnknownReason").isMissingNode())
                .as("counted on the calendar now loaded")
                .isTrue();
        assertThat(counted2.path("dueDate").asText()).isNotEqualTo(day.toString());
        assertThat(loadCalendarTasks(nextYear)).as("the request is done").isEmpty();
    }

    private List<org.camunda.bpm.engine.task.Task> loadCalendarTasks(String schoolYear) {
        return taskService
                .createTaskQuery()
                .taskName("Load the " + schoolYear + " school calendar")
                .taskCandidateGroup("district-admin")
                .taskVariableValueEquals("calendarDistrictId", "i14-wa-short-district")
                .list();
    }

    private CaseDriver.Case evaluated(String state) {
        return driver().aCase(referral(state))
                .triaged()
                .consented(today)
                .did("demo", Step.PLAN_EVALUATION, Forms.evaluationPlan("ACADEMIC"))
                .did("demo", Step.EVALUATE_AREA, Forms.areaReport(today, "Reads two years below grade level."));
    }

    private CaseDriver.Case eligible(String state) {
        return evaluated(state).did("demo", Step.DECIDE_ELIGIBILITY, Forms.eligibleForAnIep(today));
    }

    /** Every step by the demo administrator, who may act at every school. */
    private CaseDriver driver() {
        return CaseDriver.with(new CaseDriver.Hands() {
            @Override
            public String refer(Map<String, Object> referral) {
                Http.Response referred = admin.post("/api/referrals", referral);
                assertThat(referred.status()).as(referred.body()).isEqualTo(201);
                return referred.json().path("caseId").asText();
            }

            @Override
            public void complete(String userId, String caseId, Step step, Map<String, Object> values) {
                Tasks.await(
                        "'" + step.taskName() + "' of case " + caseId,
                        () -> Tasks.all(admin, caseId).stream()
                                .anyMatch(task -> task.path("name").asText().equals(step.taskName())));
                Tasks.done(admin, caseId, step.taskName(), values);
            }

            @Override
            public void parentsGave(String caseId, String kind, LocalDate on) {
                Tasks.await("the parents asked for " + kind, () -> {
                    Http.Response answered = admin.post(
                            "/api/cases/" + caseId + "/parent-responses",
                            Map.of("kind", kind, "decision", "GIVEN", "date", on.toString()));
                    return answered.status() == 202;
                });
            }
        });
    }

    private Map<String, Object> referral(String state) {
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("schoolId", school(state));
        referral.put("receivedOn", today.minusDays(2).toString());
        return referral;
    }

    private String status(CaseDriver.Case supportCase, String kind) {
        return clock(supportCase, kind).map(c -> c.path("status").asText()).orElse("NONE");
    }

    private Optional<JsonNode> clock(CaseDriver.Case supportCase, String kind) {
        JsonNode found = null;
        for (JsonNode clock : admin.get("/api/cases/" + supportCase.id()).json().path("clocks")) {
            if (kind.equals(clock.path("kind").asText())) {
                found = clock; // the last of that kind
            }
        }
        return Optional.ofNullable(found);
    }

    private static String district(String state) {
        return "i14-" + state.toLowerCase() + "-district";
    }

    private static String school(String state) {
        return "i14-" + state.toLowerCase() + "-school";
    }

    /** School from 15 August to 31 May of the school year of the day, every weekday. */
    private static SchoolYearCalendar schoolYear(LocalDate day) {
        String year = SchoolYearCalendar.schoolYearOf(day);
        int start = SchoolYearCalendar.startYear(year);
        return new SchoolYearCalendar(year, LocalDate.of(start, 8, 15), LocalDate.of(start + 1, 5, 31), List.of());
    }

    /** The same calendar walked by hand: weekdays from 15 August to 31 May. */
    private static LocalDate nthSchoolDayAfter(LocalDate start, int n) {
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            int month = day.getMonthValue();
            boolean inSession = !(month == 6 || month == 7 || (month == 8 && day.getDayOfMonth() < 15));
            if (inSession && !SchoolYearCalendar.isWeekend(day)) {
                counted++;
            }
        }
        return day;
    }
}
