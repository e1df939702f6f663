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
        DmnDecisionResult result = dmn.evaluateDecision(decision, Map.of("state", state, "clock", kind.id()));
        assertThat(result).as(state + " " + kind.id()).isNotEmpty();
        return ClockRules.fromEntries(kind, state, result.getFirstResult().getEntryMap());
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
        // state, count, unit, not counted, starts at, jurisdiction
        "TX, 45, SCHOOL_DAYS, NONE, CONSENT, TX",
        "IL, 60, SCHOOL_DAYS, NONE, CONSENT, IL",
        "CO, 60, CALENDAR_DAYS, NONE, CONSENT, CO",
        "CA, 60, CALENDAR_DAYS, BREAKS_OVER_5_SCHOOL_DAYS, CONSENT, CA",
        "MA, 45, SCHOOL_DAYS, NONE, CONSENT, MA",
        "WA, 35, SCHOOL_DAYS, NONE, CONSENT, WA",
        "NJ, 90, CALENDAR_DAYS, NONE, CONSENT, NJ",
        "MI, 30, SCHOOL_DAYS, NONE, CONSENT, MI",
        "PA, 60, CALENDAR_DAYS, SUMMER, CONSENT, PA",
        "CT, 45, SCHOOL_DAYS, NONE, REFERRAL, CT",
        "NY, 60, CALENDAR_DAYS, NONE, CONSENT, NY",
        "WY, 60, CALENDAR_DAYS, NONE, CONSENT, US",
    })
    void theInitialEvaluationByState(
            String state,
            int count,
            ClockRule.Unit unit,
            ClockRule.Exclusion exclusion,
            ClockStart startsAt,
            String jurisdiction) {
        ClockRule rule = rule(state, ClockKind.INITIAL_EVALUATION);
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
        assertThat(section504.citation()).startsWith("34 CFR 104.35");
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
        "WY, MEETING_NOTICE, 10, CALENDAR_DAYS, BEFORE, MEETING, 34 CFR 300.322(a)(1)",
        "NY, MEETING_NOTICE, 5, CALENDAR_DAYS, BEFORE, MEETING, 8 NYCRR 200.5(c)(1)",
        "WY, ANNUAL_REVIEW, 1, YEARS, AFTER, PLAN_MEETING, 34 CFR 300.324(b)(1)(i)",
        "WY, REEVALUATION, 3, YEARS, AFTER, EVALUATION, 34 CFR 300.303(b)(2)",
        "WY, TRANSITION, 16, BIRTHDAY, AFTER, BIRTH, 34 CFR 300.320(b)",
        "CO, TRANSITION, 15, BIRTHDAY, AFTER, BIRTH, 1 CCR 301-8",
        "WY, PART_C_TO_B, 3, BIRTHDAY, AFTER, BIRTH, 34 CFR 300.124(b)",
        "WY, MANIFESTATION_DETERMINATION, 10, SCHOOL_DAYS, AFTER, DECISION_TO_CHANGE_PLACEMENT, 34 CFR 300.530(e)",
        "WY, RECORDS_REQUEST, 45, CALENDAR_DAYS, AFTER, REQUEST, 34 CFR 300.613(a)",
        "CO, ALP_DEVELOPMENT, 30, SCHOOL_DAYS, AFTER, IDENTIFICATION, 1 CCR 301-8",
        "WY, ALP_DEVELOPMENT, 30, SCHOOL_DAYS, AFTER, IDENTIFICATION, district rule",
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
