package org.supportplans.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportplans.cases.CaseView;
import org.supportplans.deadlines.DistrictCalendar;
import org.supportplans.deadlines.TestCalendars;

/**
 * The clock of "Arrange a translation". 23 Ill. Adm. Code 226.500(b): "all reasonable efforts to provide the IEP
 * within seven school days after the IEP meeting must be made ... All other vital IEP documents must be
 * translated and provided to parents as soon as practicable but not more than 30 school days after the IEP
 * meeting." Counted by hand on this calendar: school year 2026-2027 from 19 August 2026 to 4 June 2027, no
 * school on Thanksgiving (Thursday 26 and Friday 27 November 2026) and over the winter break (21 December 2026 to
 * 1 January 2027); the IEP meeting of the sample case was held on Friday 20 November 2026.
 */
class TranslationDueTest {

    private static final DistrictCalendar CALENDAR = TestCalendars.of(
            "il-district",
            "2026-2027",
            LocalDate.of(2026, 8, 19),
            LocalDate.of(2027, 6, 4),
            List.of(
                    new LocalDate[] {LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27)},
                    new LocalDate[] {LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 1)}));

    private final CaseView sample = SampleCase.of("vi", null);

    @Test
    void inIllinoisTheIepIsDueSevenSchoolDaysAfterTheMeeting() {
        // after Fri 20 Nov: Mon 23 (1), Tue 24 (2), Wed 25 (3), Thanksgiving 26-27, Mon 30 (4), Tue 1 Dec (5),
        // Wed 2 (6), Thu 3 Dec (7)
        assertThat(TranslationTasks.dueOn("IL", DocumentKind.IEP, sample, () -> CALENDAR))
                .contains(LocalDate.of(2026, 12, 3));
    }

    @Test
    void inIllinoisOtherDocumentsAreDueThirtySchoolDaysAfterTheMeeting() {
        // after Fri 20 Nov: 23-25 Nov (3), 30 Nov-4 Dec (8), 7-11 Dec (13), 14-18 Dec (18), winter break,
        // 4-8 Jan (23), 11-15 Jan (28), Mon 18 Jan (29), Tue 19 Jan 2027 (30)
        assertThat(TranslationTasks.dueOn("IL", DocumentKind.MEETING_NOTICE, sample, () -> CALENDAR))
                .contains(LocalDate.of(2027, 1, 19));
    }

    @Test
    void elsewhereOrBeforeAnyMeetingThereIsNoClock() {
        assertThat(TranslationTasks.dueOn("CO", DocumentKind.IEP, sample, () -> CALENDAR))
                .isEmpty();
        CaseView noMeeting = new CaseView(
                sample.id(),
                sample.status(),
                sample.phase(),
                sample.planKinds(),
                sample.student(),
                sample.school(),
                "vi",
                sample.openedOn(),
                null,
                null,
                sample.due(),
                List.of(),
                sample.referrals(),
                sample.triage(),
                sample.consents(),
                sample.notices(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        assertThat(TranslationTasks.dueOn("IL", DocumentKind.CONSENT_REQUEST, noMeeting, () -> CALENDAR))
                .isEmpty();
    }

    @Test
    void aCalendarNotLoadedGivesNoDateRatherThanAGuess() {
        DistrictCalendar empty = new DistrictCalendar("il-district", List.of());
        assertThat(TranslationTasks.dueOn("IL", DocumentKind.IEP, sample, () -> empty))
                .isEmpty();
    }
}
