package org.supportplans.reporting;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A report asked for with a filter that makes no sense (a bad date, an unknown grouping): the API answers 400. */
class InvalidReportRequest extends ErrorResponseException {

    InvalidReportRequest(String detail) {
        super(HttpStatus.BAD_REQUEST, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid filter");
        return problem;
    }
}
