package org.supportplans.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The caller may see what they asked for but their role does not allow the change: the API answers 403
 * ({@code application/problem+json}), as Spring Security does for a request no role may make.
 */
public class NotAllowedException extends ErrorResponseException {

    public NotAllowedException(String detail) {
        super(HttpStatus.FORBIDDEN, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Not allowed");
        return problem;
    }
}
