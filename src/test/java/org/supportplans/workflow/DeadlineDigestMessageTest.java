package org.supportplans.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.supportplans.cases.ClockKind;
import org.supportplans.deadlines.ClockState;
import org.supportplans.deadlines.ClockStatus;
import org.supportplans.deadlines.DeadlineSweeps.DistrictSweep;
import org.supportplans.deadlines.DeadlineSweeps.Finding;
import org.supportplans.deadlines.DeadlineSweeps.SweptClock;

/** A staff member's digest of a day: every warning and overdue clock in one message, no student named. */
class DeadlineDigestMessageTest {

    @Test
    void oneMessageListsTheDaysWarningsAndOverdueClocksWithTheirCasesLinks() {
        DistrictSweep sweep =
                new DistrictSweep("demo-district", ZoneId.of("America/Denver"), LocalDate.of(2026, 12, 3));
        SweptClock warned = new SweptClock(
                clock(7L, "case-1", ClockKind.RECORDS_REQUEST, ClockStatus.RUNNING, LocalDate.of(2026, 12, 6)),
                Finding.FINAL_WARNING);
        SweptClock overdue = new SweptClock(
                clock(8L, "case-2", ClockKind.INITIAL_EVALUATION, ClockStatus.OVERDUE, LocalDate.of(2026, 12, 2)),
                Finding.OVERDUE);

        SimpleMailMessage message = DeadlineSweep.message(
                "psychologist@example.org", sweep, List.of(warned, overdue), "https://plans.example.org");

        assertThat(message.getTo()).containsExactly("psychologist@example.org");
        assertThat(message.getSubject()).isEqualTo("Deadlines 2026-12-03: 1 due soon, 1 overdue");
        assertThat(message.getText())
                .contains("- Due 2026-12-06: " + ClockKind.RECORDS_REQUEST.label())
                .contains("https://plans.example.org/api/cases/case-1")
                .contains("- Overdue (was due 2026-12-02): " + ClockKind.INITIAL_EVALUATION.label())
                .contains("https://plans.example.org/api/cases/case-2")
                .doesNotContain("Maya")
                .doesNotContain("Lopez");
    }

    private static ClockState clock(Long id, String caseId, ClockKind kind, ClockStatus status, LocalDate due) {
        return new ClockState(
                id, caseId, "lincoln-elementary", kind, "a rule (34 CFR 300.x)", status, due, null, null, 2);
    }
}
