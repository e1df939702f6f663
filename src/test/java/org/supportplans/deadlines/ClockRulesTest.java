package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.supportplans.cases.ClockKind;
import org.supportplans.cases.ClockStart;
import org.supportplans.cases.ClockStop;

/** Every row of the rules table ({@code processes/clock-rules.dmn}), evaluated by Camunda's DMN engine. */
class ClockRulesTest {

    static DmnDecision decision;
    static DmnEngine dmn;

    @BeforeAll
    static void readTheTable() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = new FileInputStream("processes/clock-rules.dmn")) {
            decision = dmn.parseDecision(ClockRules.DECISION_KEY, table);
        }
    }

    static ClockRule rule(String state, ClockKind kind) {
        return rule(state, kind, java.util.List.of());
    }

    static ClockRule rule(String state, ClockKind kind, java.util.List<String> categories) {
        DmnDecisionResult result =
                dmn.evaluateDecision(decision, Map.of("state", state, "clock", kind.id(), "categories", categories));
        assertThat(result).as(state + " " + kind.id()).isNotEmpty();
        return ClockRules.fromEntries(kind, state, result.getFirstResult().getEntryMap());
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
        // state, count, unit, not counted, starts at, jurisdiction, ends at, end of year
        "TX, 45, SCHOOL_DAYS, STUDENT_ABSENCES, CONSENT, TX, EVALUATION_REPORT_WRITTEN, TX_JUNE_30",
        "IL, 60, SCHOOL_DAYS, NONE, CONSENT, IL, ELIGIBILITY_DECIDED, IL_BEFORE_NEXT_YEAR",
        "CO, 60, CALENDAR_DAYS, NONE, CONSENT, CO, ELIGIBILITY_DECIDED, NONE",
        "CA, 60, CALENDAR_DAYS, BREAKS_OVER_5_SCHOOL_DAYS, CONSENT, CA, ELIGIBILITY_DECIDED, CA_30_DAYS_INTO_NEXT_YEAR",
        "MA, 45, SCHOOL_DAYS, NONE, CONSENT, MA, ELIGIBILITY_DECIDED, MA_14_DAYS_AFTER_YEAR",
        "WA, 35, SCHOOL_DAYS, NONE, CONSENT, WA, ELIGIBILITY_DECIDED, NONE",
        "NJ, 90, CALENDAR_DAYS, NONE, CONSENT, NJ, ELIGIBILITY_DECIDED, NONE",
        "MI, 30, SCHOOL_DAYS, NONE, CONSENT, MI, ELIGIBILITY_DECIDED, NONE",
        "PA, 60, CALENDAR_DAYS, SUMMER, CONSENT, PA, ELIGIBILITY_DECIDED, NONE",
        // Connecticut: the federal 60 days from consent; the state's 45 school days from referral is its own clock
        "CT, 60, CALENDAR_DAYS, NONE, CONSENT, CT, ELIGIBILITY_DECIDED, NONE",
        "NY, 60, CALENDAR_DAYS, NONE, CONSENT, NY, ELIGIBILITY_DECIDED, NONE",
        "WY, 60, CALENDAR_DAYS, NONE, CONSENT, US, ELIGIBILITY_DECIDED, NONE",
    })
    void theInitialEvaluationByState(
            String state,
            int count,
            ClockRule.Unit unit,
            ClockRule.Exclusion exclusion,
            ClockStart startsAt,
            String jurisdiction,
            ClockStop endsAt,
            ClockRule.EndOfYear endOfYear) {
        ClockRule rule = rule(state, ClockKind.INITIAL_EVALUATION);
        assertThat(rule.endsAt()).containsExactly(endsAt);
        assertThat(rule.endOfYear()).isEqualTo(endOfYear);
        assertThat(rule.count()).isEqualTo(count);
        assertThat(rule.unit()).isEqualTo(unit);
        assertThat(rule.exclusion()).isEqualTo(exclusion);
        assertThat(rule.startEvent()).isEqualTo(startsAt);
        assertThat(rule.jurisdiction()).isEqualTo(jurisdiction);
        assertThat(rule.direction()).isEqualTo(ClockRule.Direction.AFTER);
        // a Section 504 evaluation follows the state's IDEA timeline (34 CFR 104.35)
        ClockRule section504 = rule(state, ClockKind.SECTION_504_EVALUATION);
        assertThat(section504.count()).isEqualTo(count);
        assertThat(section504.unit()).isEqualTo(unit);
        // district policy, not law: 34 CFR 104.35(a) sets no count
        assertThat(section504.citation()).startsWith("district policy: 34 CFR 104.35(a)");
    }

    @ParameterizedTest(name = "{0}: {1} {2} to {5}")
    @CsvSource({
        // state, count, unit, not counted, starts at, ends at (with not eligible / ineligibility notice), end of year
        "IL, 60, SCHOOL_DAYS, NONE, CONSENT, MEETING_HELD, NOT_ELIGIBLE, IL_BEFORE_NEXT_YEAR",
        "CA, 60, CALENDAR_DAYS, BREAKS_OVER_5_SCHOOL_DAYS, CONSENT, MEETING_HELD, NOT_ELIGIBLE, CA_30_DAYS_INTO_NEXT_YEAR",
        "MI, 30, SCHOOL_DAYS, NONE, CONSENT, PROPOSED_IEP_SENT, INELIGIBILITY_NOTICE_SENT, NONE",
        "MA, 45, SCHOOL_DAYS, NONE, CONSENT, PROPOSED_IEP_SENT, INELIGIBILITY_NOTICE_SENT, MA_14_DAYS_AFTER_YEAR",
        "NJ, 90, CALENDAR_DAYS, NONE, CONSENT, IEP_IN_EFFECT, NOT_ELIGIBLE, NONE",
        "CT, 45, SCHOOL_DAYS, CONSENT_TIME, REFERRAL, IEP_IN_EFFECT, NOT_ELIGIBLE, NONE",
        "NY, 60, SCHOOL_DAYS, NONE, CONSENT, IEP_IN_EFFECT, NOT_ELIGIBLE, NONE",
    })
    void theStateTimelinePastEligibility(
            String state,
            int count,
            ClockRule.Unit unit,
            ClockRule.Exclusion exclusion,
            ClockStart startsAt,
            ClockStop endsAt,
            ClockStop orEndsAt,
            ClockRule.EndOfYear endOfYear) {
        ClockRule rule = rule(state, ClockKind.STATE_EVALUATION_TIMELINE);
        assertThat(rule.count()).isEqualTo(count);
        assertThat(rule.unit()).isEqualTo(unit);
        assertThat(rule.exclusion()).isEqualTo(exclusion);
        assertThat(rule.startEvent()).isEqualTo(startsAt);
        assertThat(rule.endsAt()).containsExactlyInAnyOrder(endsAt, orEndsAt);
        assertThat(rule.endOfYear()).isEqualTo(endOfYear);
        assertThat(rule.jurisdiction()).isEqualTo(state);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TX", "CO", "WA", "PA", "WY"})
    void noStateTimelineWhereTheStateEndsAtEligibilityOrHasNoneOfItsOwn(String state) {
        assertThat(rule(state, ClockKind.STATE_EVALUATION_TIMELINE).startEvent())
                .isEqualTo(ClockStart.NEVER);
    }

    @Test
    void pennsylvaniaReevaluatesAnIntellectualDisabilityEveryTwoYears() {
        // 22 Pa. Code 14.124(c): every two years for a student with an intellectual disability, else three
        ClockRule intellectual = rule("PA", ClockKind.REEVALUATION, java.util.List.of("INTELLECTUAL_DISABILITY"));
        assertThat(intellectual.count()).isEqualTo(2);
        assertThat(intellectual.citation()).isEqualTo("22 Pa. Code 14.124(c)");
        assertThat(rule("PA", ClockKind.REEVALUATION, java.util.List.of("SPECIFIC_LEARNING_DISABILITY"))
                        .count())
                .isEqualTo(3);
        assertThat(rule("CO", ClockKind.REEVALUATION, java.util.List.of("INTELLECTUAL_DISABILITY"))
                        .count())
                .isEqualTo(3);
    }

    @Test
    void texasMeetsWithinThirtyDaysOfTheReport() {
        ClockRule rule = rule("TX", ClockKind.IEP_MEETING);
        assertThat(rule.startEvent()).isEqualTo(ClockStart.EVALUATION_REPORT);
        assertThat(rule.count()).isEqualTo(30);
        assertThat(rule.unit()).isEqualTo(ClockRule.Unit.CALENDAR_DAYS);
        assertThat(rule.endOfYear()).isEqualTo(ClockRule.EndOfYear.TX_FIRST_DAY_OF_FALL);
    }

    @Test
    void theTransitionClockIsMetOnlyByAnIepWithATransitionPlanNotByAnAnnualReview() {
        ClockRule rule = rule("WY", ClockKind.TRANSITION);
        assertThat(rule.endsAt(ClockStop.TRANSITION_PLAN_WRITTEN)).isTrue();
        assertThat(rule.endsAt(ClockStop.ANNUAL_REVIEW_HELD)).isFalse();
    }

    @Test
    void theFederalDefaultForAFederalTimeline() {
        ClockRule rule = rule("WY", ClockKind.INITIAL_EVALUATION);
        assertThat(rule.citation()).isEqualTo("34 CFR 300.301(c)(1)(i)");
        assertThat(rule.describe()).isEqualTo("60 calendar days after consent (34 CFR 300.301(c)(1)(i))");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // state, clock, count, unit, direction, starts at, citation starts with
        "WY, IEP_MEETING, 30, CALENDAR_DAYS, AFTER, ELIGIBILITY, 34 CFR 300.323(c)(1)",
        "WY, MEETING_NOTICE, 10, CALENDAR_DAYS, BEFORE, MEETING, district policy: 34 CFR 300.322(a)(1)",
        "NY, MEETING_NOTICE, 5, CALENDAR_DAYS, BEFORE, MEETING, 8 NYCRR 200.5(c)(1)",
        "TX, MEETING_NOTICE, 5, SCHOOL_DAYS, BEFORE, MEETING, 19 TAC 89.1050(h)",
        "IL, MEETING_NOTICE, 10, CALENDAR_DAYS, BEFORE, MEETING, 23 Ill. Adm. Code 226.530(a)",
        "TX, REFERRAL_DECISION, 15, SCHOOL_DAYS, AFTER, REFERRAL, Tex. Educ. Code 29.004(c)",
        "WY, ANNUAL_REVIEW, 1, YEARS, AFTER, PLAN_MEETING, 34 CFR 300.324(b)(1)(i)",
        "WY, REEVALUATION, 3, YEARS, AFTER, EVALUATION, 34 CFR 300.303(b)(2)",
        "WY, TRANSITION, 16, BIRTHDAY, AFTER, BIRTH, 34 CFR 300.320(b)",
        "CO, TRANSITION, 15, BIRTHDAY, AFTER, BIRTH, '1 CCR 301-8, 2220-R-4.03(6)(d)'",
        "WY, PART_C_TO_B, 3, BIRTHDAY, AFTER, BIRTH, 34 CFR 300.124(b)",
        "WY, MANIFESTATION_DETERMINATION, 10, SCHOOL_DAYS, AFTER, DECISION_TO_CHANGE_PLACEMENT, 34 CFR 300.530(e)",
        "WY, RECORDS_REQUEST, 45, CALENDAR_DAYS, AFTER, REQUEST, 34 CFR 300.613(a)",
        "CO, ALP_DEVELOPMENT, 30, SCHOOL_DAYS, AFTER, IDENTIFICATION, district policy under 1 CCR 301-8",
        "WY, ALP_DEVELOPMENT, 30, SCHOOL_DAYS, AFTER, IDENTIFICATION, district policy",
    })
    void everyOtherClock(
            String state,
            ClockKind kind,
            int count,
            ClockRule.Unit unit,
            ClockRule.Direction direction,
            ClockStart startsAt,
            String citation) {
        ClockRule rule = rule(state, kind);
        assertThat(rule.count()).isEqualTo(count);
        assertThat(rule.unit()).isEqualTo(unit);
        assertThat(rule.direction()).isEqualTo(direction);
        assertThat(rule.startEvent()).isEqualTo(startsAt);
        assertThat(rule.citation()).startsWith(citation);
    }

    @Test
    void everyClockHasAFederalRule() {
        for (ClockKind kind : ClockKind.values()) {
            assertThat(rule("ZZ", kind).kind()).isEqualTo(kind);
        }
    }

    @Test
    void theTableNamesOnlyClocksAndEventsTheServiceKnows() throws IOException {
        try (InputStream table = new FileInputStream("processes/clock-rules.dmn")) {
            assertThat(ClockRules.problemsOf(Dmn.readModelFromStream(table))).isEmpty();
        }
    }

    @Test
    void aMisspeltStartEventOrClockIsReportedNotIgnored() throws IOException {
        String text;
        try (InputStream table = new FileInputStream("processes/clock-rules.dmn")) {
            text = new String(table.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String misspelt =
                text.replaceFirst("\"CONSENT\"", "\"CONSNET\"").replaceFirst("\"iep-meeting\"", "\"iep-meting\"");
        DmnModelInstance model = Dmn.readModelFromStream(
                new java.io.ByteArrayInputStream(misspelt.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(ClockRules.problemsOf(model))
                .hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("startEvent \"CONSNET\""))
                .anySatisfy(problem -> assertThat(problem).contains("no clock \"iep-meting\""));
    }
}
