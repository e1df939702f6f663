package org.supportplans.cases;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the API reports a broken case rule (400), an answer the case is not waiting for (409), and a lost race (409). */
@RestControllerAdvice(basePackages = "org.supportplans")
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseExceptionHandler {

    @ExceptionHandler(CaseRuleViolation.class)
    ProblemDetail ruleViolated(CaseRuleViolation e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Not accepted");
        return problem;
    }

    @ExceptionHandler(NotAwaitedException.class)
    ProblemDetail notAwaited(NotAwaitedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not expected now");
        return problem;
    }

    @ExceptionHandler({OptimisticLockingException.class, OptimisticLockingFailureException.class})
    ProblemDetail changedMeanwhile(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Someone else changed this case at the same moment. Reload it and try again.");
        problem.setTitle("Changed meanwhile");
        return problem;
    }
}
