package org.supportplans.people;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An id that is taken: the API answers 409 ({@code application/problem+json}). */
class AlreadyExistsException extends ErrorResponseException {

    AlreadyExistsException(String detail) {
        super(HttpStatus.CONFLICT, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Already exists");
        return problem;
    }
}
