package org.supportplans.cases;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** 34 CFR 300.320(b): the IEP in effect when the student reaches the transition age plans the transition. */
@Component
class TransitionAge {

    private final CaseClocks clocks;

    TransitionAge(CaseClocks clocks) {
        this.clocks = clocks;
    }

    /** Whether the student reaches the state's transition age during an IEP starting on that day (it runs a year). */
    boolean reachedDuring(SupportCase supportCase, LocalDate planStarts) {
        // the transition age is the state's rule (the rules table): 16, or 15 in Colorado
        return clocks.preview(
                        supportCase.getId(),
                        ClockKind.TRANSITION,
                        supportCase.getStudent().getDateOfBirth())
                .map(birthday -> !birthday.isAfter(planStarts.plusYears(1).minusDays(1)))
                .orElse(false);
    }
}
