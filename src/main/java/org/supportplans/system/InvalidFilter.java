package org.supportplans.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A list or report asked for with a filter that makes no sense (a bad date, an unknown grouping or status): the API
 * answers 400, titled "Invalid filter".
 */
public class InvalidFilter extends ErrorResponseException {

    public InvalidFilter(String detail) {
        super(HttpStatus.BAD_REQUEST, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid filter");
        return problem;
    }
}
