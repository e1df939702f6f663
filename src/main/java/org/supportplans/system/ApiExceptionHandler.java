package org.supportplans.system;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API is RFC 9457 {@code application/problem+json} with a message a person
 * understands. Spring MVC's own errors (malformed JSON, a wrong type, a failed validation, an unknown
 * route) come from {@link ResponseEntityExceptionHandler}; ours are added here: a broken rule ({@link
 * RuleViolation}, 400), a request nothing is waiting for ({@link NotExpectedNow}, 409), a change lost to
 * another at the same moment (409), an unknown id (404), a role that does not allow it (403).
 */
@RestControllerAdvice(basePackages = "org.supportplans")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "Please correct: " + fields + ".");
        problem.setTitle("Invalid input");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
                return handleExceptionInternal(
                        e,
                        RequestBodyLimit.problem(tooLarge.getMessage()),
                        headers,
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        request);
            }
        }
        String detail = "The request body is not valid JSON.";
        if (e.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            detail = "The value of " + field + " is not of the expected kind"
                    + (mismatch.getTargetType() != null
                                    && mismatch.getTargetType().isEnum()
                            ? " (one of "
                                    + Arrays.toString(mismatch.getTargetType().getEnumConstants()) + ")"
                            : mismatch.getTargetType() == java.time.LocalDate.class ? " (a date, YYYY-MM-DD)" : "")
                    + ".";
        } else if (e.getCause() instanceof MismatchedInputException) {
            detail = "The request body is not of the expected shape (a JSON object).";
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Unreadable request");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String parameters = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> parameterName(result.getMethodParameter()) + ": " + error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "Please correct: " + parameters + ".");
        problem.setTitle("Invalid input");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() != null ? e.getPropertyName() : "a parameter";
        Class<?> type = e.getRequiredType();
        String expected = type == null
                ? ""
                : type.isEnum()
                        ? " (one of " + Arrays.toString(type.getEnumConstants()) + ")"
                        : type == java.time.LocalDate.class
                                ? " (a date, YYYY-MM-DD)"
                                : Number.class.isAssignableFrom(type) || type.isPrimitive() ? " (a number)" : "";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                "The value \"" + e.getValue() + "\" of " + name + " is not of the expected kind" + expected + ".");
        problem.setTitle("Invalid input");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(status, "The parameter " + e.getParameterName() + " is required.");
        problem.setTitle("Invalid input");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, RequestMismatchHandler.contentTypeDetail(e));
        problem.setTitle("Unsupported content type");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, RequestMismatchHandler.methodDetail(e));
        problem.setTitle("Wrong method");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return parameter.getParameterName() != null ? parameter.getParameterName() : "a parameter";
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, RequestMismatchHandler.acceptDetail(e));
        problem.setTitle("Not acceptable");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /**
     * A broken rule, an answer nothing waits for or a lost race is told as such wherever it is in the chain of
     * causes, also when Spring MVC reports the failure (a value refused while the request was read).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<ProblemDetail> ours = ruleAnswer(e);
        if (ours.isPresent()) {
            return super.handleExceptionInternal(
                    e,
                    ours.get(),
                    new HttpHeaders(),
                    HttpStatusCode.valueOf(ours.get().getStatus()),
                    request);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @ExceptionHandler({
        RuleViolation.class,
        NotExpectedNow.class,
        OptimisticLockingException.class,
        OptimisticLockingFailureException.class
    })
    ProblemDetail ruleBroken(RuntimeException e) {
        return ruleAnswer(e).orElseThrow();
    }

    /**
     * Our answer to a {@link RuleViolation} (400), a {@link NotExpectedNow} (409) or a change the database or
     * the engine refused because someone else made one at the same moment (409), the outermost in the chain of
     * causes: an engine call wraps what a delegate or listener threw.
     */
    static Optional<ProblemDetail> ruleAnswer(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation) {
                return Optional.of(problem(HttpStatus.BAD_REQUEST, "Not accepted", cause.getMessage()));
            }
            if (cause instanceof NotExpectedNow) {
                return Optional.of(problem(HttpStatus.CONFLICT, "Not expected now", cause.getMessage()));
            }
            if (cause instanceof OptimisticLockingException || cause instanceof OptimisticLockingFailureException) {
                return Optional.of(problem(
                        HttpStatus.CONFLICT,
                        "Changed meanwhile",
                        "Someone else changed this case at the same moment. Reload it and try again."));
            }
        }
        return Optional.empty();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        Optional<ProblemDetail> ours = ruleAnswer(e);
        if (ours.isPresent()) {
            return ours.get();
        }
        // the stack trace names no student: messages of our code carry ids, not names
        log.error("Unexpected failure of an API request", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was saved; please try again.");
        problem.setTitle("Internal error");
        return problem;
    }

    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail notAuthorized(AuthorizationException e) {
        // the engine's message names resources and ids: log it for operators, tell the user less
        log.info("Engine authorization refused for user {}: {}", e.getUserId(), e.getMessage());
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this.");
        problem.setTitle("Not allowed");
        return problem;
    }
}
