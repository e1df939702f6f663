package org.supportplans.deadlines;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A school calendar that cannot be loaded as given: the API answers 400 with what to correct; nothing is saved. */
class CalendarRejected extends ErrorResponseException {

    public CalendarRejected(String detail) {
        super(HttpStatus.BAD_REQUEST, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid school calendar");
        return problem;
    }

    /** The problem's detail: what is wrong and how to correct it. */
    public String detail() {
        return getBody().getDetail();
    }
}
