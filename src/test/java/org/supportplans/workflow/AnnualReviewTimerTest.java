package org.supportplans.workflow;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.supportplans.cases.DistrictDay;
import org.supportplans.people.District;

/**
 * When "Hold the annual review" opens: {@link ReviewSteps#ANNUAL_REVIEW_LEAD_DAYS} (30) days before the review is due,
 * at 7 a.m. in the district (America/Denver for the demo district). The due date is the annual-review clock's: the
 * anniversary of the IEP meeting (34 CFR 300.324(b)(1)(i)), or the day after the IEP in effect ends when that comes
 * first (300.323(a); counted in {@code AnnualReviewDueTest}). The meeting is on 16 September 2026.
 */
class AnnualReviewTimerTest {

    static final ZoneId DENVER = ZoneId.of("America/Denver");

    private final DelegateExecution execution = mock(DelegateExecution.class);
    private final DistrictDay days = mock(DistrictDay.class);

    AnnualReviewTimerTest() {
        when(days.morningOf(eq("case-maya"), any(LocalDate.class)))
                .thenAnswer(call -> District.morningOf(call.getArgument(1), DENVER));
    }

    @Test
    void anIepEndingInJuneHasItsReviewOpenAtTheStartOfJune() {
        // IEP 2026-09-16 to 2027-06-30: due 2027-07-01 (the day the next IEP must start); opens 2027-07-01 - 30 days
        // = 2027-06-01 (June has 30 days), 7 a.m. in Denver; not in August, a month before the anniversary, when
        // the student would be without an IEP since 1 July
        ReviewSteps.scheduleAnnualReview(execution, days, "case-maya", LocalDate.of(2027, 7, 1));

        verify(execution).setVariable("annualReviewDueOn", "2027-07-01");
        verify(execution).setVariable("annualReviewDueAt", at("2027-06-01T07:00"));
    }

    @Test
    void aYearLongIepHasItsReviewOpenAMonthBeforeTheAnniversary() {
        // IEP 2026-09-16 to 2027-09-15: due on the anniversary, 2027-09-16; opens 2027-09-16 - 30 days = 2027-08-17
        // (16 days back to 31 August, 14 more into August)
        ReviewSteps.scheduleAnnualReview(execution, days, "case-maya", LocalDate.of(2027, 9, 16));

        verify(execution).setVariable("annualReviewDueOn", "2027-09-16");
        verify(execution).setVariable("annualReviewDueAt", at("2027-08-17T07:00"));
    }

    private static Date at(String localTime) {
        return Date.from(LocalDateTime.parse(localTime).atZone(DENVER).toInstant());
    }
}
