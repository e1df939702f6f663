package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
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
import org.supportplans.people.District;
import org.supportplans.people.DistrictRepository;
import org.supportplans.people.School;
import org.supportplans.people.SchoolRepository;

/**
 * A Section 504 plan reviewed as the district's policy says (issue 15): 34 CFR 104.35(d) asks for periodic
 * reevaluation and sets no review interval, so the rules table reviews a 504 plan yearly by default and a district
 * administrator sets another count; the law's clocks cannot be changed. A district of its own, in Colorado, so that
 * no other test sees its policy.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanReviewPolicyIT {

    static final String DISTRICT = "i15-review-district";
    static final String SCHOOL = "i15-review-school";
    static final String POLICIES = "/api/districts/" + DISTRICT + "/clock-policies";

    @LocalServerPort
    int port;

    @Autowired
    DistrictRepository districts;

    @Autowired
    SchoolRepository schools;

    @Autowired
    SchoolCalendars calendars;

    LocalDate today;
    Http admin;
    Http districtAdmin;

    @BeforeAll
    void aDistrictOfItsOwn() {
        ZoneId denver = ZoneId.of("America/Denver");
        today = LocalDate.now(denver);
        admin = Http.as(port, "demo");
        districtAdmin = Http.as(port, "district-admin");
        if (districts.findById(DISTRICT).isEmpty()) {
            District district = districts.save(new District(DISTRICT, "Review test district", "CO", denver));
            schools.save(new School(SCHOOL, district, "Review test school"));
        }
        for (LocalDate day : List.of(today, today.plusYears(1))) {
            String year = SchoolYearCalendar.schoolYearOf(day);
            int start = SchoolYearCalendar.startYear(year);
            calendars.put(
                    DISTRICT,
                    new SchoolYearCalendar(
                            year, LocalDate.of(start, 8, 15), LocalDate.of(start + 1, 5, 31), List.of()));
        }
    }

    @Test
    void aDistrictReviewsItsSection504PlansEveryTwoYears() {
        JsonNode defaults = admin.get(POLICIES).json();
        JsonNode review = policy(defaults, "plan-review");
        assertThat(review.path("count").asInt()).as("yearly by default").isEqualTo(1);
        assertThat(review.path("unit").asText()).isEqualTo("YEARS");
        assertThat(review.path("citation").asText()).startsWith("district policy");
        assertThat(policy(defaults, "section-504-evaluation").isMissingNode())
                .as("the Section 504 evaluation's days are district policy too")
                .isFalse();
        assertThat(policy(defaults, "annual-review").isMissingNode())
                .as("an IEP's annual review is law (34 CFR 300.324(b)(1)(i))")
                .isTrue();

        assertThat(admin.put(POLICIES + "/annual-review", Map.of("count", 2)).status())
                .as("the law's clock")
                .isEqualTo(400);
        assertThat(admin.put(POLICIES + "/plan-review", Map.of("count", 4)).status())
                .as("more than three years")
                .isEqualTo(400);
        Http coordinator = Http.as(port, "coordinator");
        assertThat(coordinator
                        .put("/api/districts/demo-district/clock-policies/plan-review", Map.of("count", 2))
                        .status())
                .as("a coordinator")
                .isEqualTo(403);

        Http.Response set = admin.put(POLICIES + "/plan-review", Map.of("count", 2));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("count").asInt()).isEqualTo(2);
        assertThat(set.json().path("defaultCount").asInt()).isEqualTo(1);
        assertThat(set.json().path("setBy").asText()).isEqualTo("demo");

        // a student with ADHD: a Section 504 plan, written for two years, in effect from the meeting today
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("schoolId", SCHOOL);
        referral.put("receivedOn", today.minusDays(2).toString());
        Map<String, Object> plan = Forms.section504Plan(today);
        plan.put("plan504EndsOn", today.plusYears(2).minusDays(1).toString());
        CaseDriver.Case supportCase = CaseDriver.overHttp(port, role -> "demo")
                .aCase(referral)
                .triaged("CONSIDER_504", "Attention limits her work in class; no special education is suspected.")
                .consented(today)
                .evaluationPlanned("OBSERVATION")
                .areaEvaluated("demo", today, "Off task in most observed intervals; work left unfinished.")
                .did(
                        "coordinator",
                        Step.DECIDE_ELIGIBILITY,
                        Forms.eligibility(today, "SECTION_504", "ADHD substantially limits her concentrating."))
                .meetingScheduled(today)
                .did("section-504-coordinator", Step.WRITE_504_PLAN, plan)
                .meetingHeld(today);

        Tasks.await("the Section 504 plan in effect", () -> clock(supportCase, "plan-review") != null);
        JsonNode reviewClock = clock(supportCase, "plan-review");
        // the meeting today, reviewed every two years by the district's policy: today + 2 years
        assertThat(reviewClock.path("dueDate").asText())
                .isEqualTo(today.plusYears(2).toString());
        assertThat(reviewClock.path("legalBasis").asText()).contains("district policy of " + DISTRICT);
        assertThat(clock(supportCase, "annual-review"))
                .as("no IEP, no IEP review")
                .isNull();
        JsonNode view = admin.get("/api/cases/" + supportCase.id()).json();
        assertThat(view.path("due").path("annualReview").asText())
                .isEqualTo(today.plusYears(2).toString());

        // back to the default: 204, then nothing left to clear
        assertThat(admin.delete(POLICIES + "/plan-review").status()).isEqualTo(204);
        assertThat(admin.delete(POLICIES + "/plan-review").status()).isEqualTo(404);
        assertThat(policy(admin.get(POLICIES).json(), "plan-review")
                        .path("count")
                        .asInt())
                .isEqualTo(1);
        // the preview counts with the default again; the running clock keeps the count it started with
        assertThat(admin.get("/api/deadlines/preview?district=" + DISTRICT + "&clock=plan-review&start=" + today)
                        .json()
                        .path("dueDate")
                        .asText())
                .isEqualTo(today.plusYears(1).toString());
        assertThat(clock(supportCase, "plan-review").path("dueDate").asText())
                .isEqualTo(today.plusYears(2).toString());
    }

    private static JsonNode policy(JsonNode policies, String clock) {
        return StreamSupport.stream(policies.spliterator(), false)
                .filter(p -> clock.equals(p.path("clock").asText()))
                .findFirst()
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    private JsonNode clock(CaseDriver.Case supportCase, String kind) {
        JsonNode found = null;
        for (JsonNode clock : admin.get("/api/cases/" + supportCase.id()).json().path("clocks")) {
            if (kind.equals(clock.path("kind").asText())) {
                found = clock;
            }
        }
        return found;
    }
}
