package org.supportplans.cases;

import java.util.Optional;
import java.util.Set;

/** The clock of the initial evaluation a case is on: IDEA's or Section 504's; none for gifted identification. */
final class EvaluationClock {

    private EvaluationClock() {}

    static Optional<ClockKind> of(SupportCase supportCase) {
        Set<PlanKind> kinds = supportCase.getPlanKinds();
        if (kinds.contains(PlanKind.IEP)) {
            return Optional.of(ClockKind.INITIAL_EVALUATION);
        }
        if (kinds.contains(PlanKind.SECTION_504)) {
            return Optional.of(ClockKind.SECTION_504_EVALUATION);
        }
        return Optional.empty();
    }
}
