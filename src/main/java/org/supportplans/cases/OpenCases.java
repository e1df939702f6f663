package org.supportplans.cases;

import org.springframework.stereotype.Component;
import org.supportplans.system.NotFoundException;

/** Loads the case a step acts on: any case, or one still open (a closed case awaits nothing). */
@Component
class OpenCases {

    private final SupportCaseRepository cases;

    OpenCases(SupportCaseRepository cases) {
        this.cases = cases;
    }

    SupportCase find(String caseId) {
        return cases.findById(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId + "."));
    }

    /** The case, if it is open; a step of a closed case is not awaited (409). */
    SupportCase open(String caseId) {
        SupportCase supportCase = find(caseId);
        if (!supportCase.isOpen()) {
            throw new NotAwaitedException(
                    "The case is closed (" + supportCase.getClosureReason().description() + ").");
        }
        return supportCase;
    }
}
