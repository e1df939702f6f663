package org.supportplans.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A request to {@code /api} that matches no endpoint: a wrong method (405), a body of a type no endpoint takes
 * (415), an answer of a type none gives (406), a path that does not exist (404). Spring MVC finds these before it
 * picks a controller, so {@link ApiExceptionHandler}, which advises our controllers only, never sees them, and
 * Spring Boot's error page would answer in its own shape. Here they get problem+json as every other error of the
 * API. Other paths (the dashboard's files, the web apps) keep Spring's answers.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestMismatchHandler {

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        requireApi(request, e);
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "Wrong method", methodDetail(e), headers);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongContentType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        requireApi(request, e);
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(e.getSupportedMediaTypes());
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type", contentTypeDetail(e), headers);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> wrongAccept(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        requireApi(request, e);
        return answer(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", acceptDetail(e), new HttpHeaders());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e, HttpServletRequest request)
            throws NoResourceFoundException {
        requireApi(request, e);
        return answer(
                HttpStatus.NOT_FOUND,
                "Not found",
                "There is nothing at " + request.getRequestURI() + ". The API is described at /v3/api-docs.",
                new HttpHeaders());
    }

    static String methodDetail(HttpRequestMethodNotSupportedException e) {
        return e.getMethod() + " is not allowed here"
                + (e.getSupportedMethods() == null || e.getSupportedMethods().length == 0
                        ? "."
                        : "; use " + String.join(" or ", e.getSupportedMethods()) + ".");
    }

    static String contentTypeDetail(HttpMediaTypeNotSupportedException e) {
        return (e.getContentType() == null
                        ? "The request has no Content-Type"
                        : "A body of type " + e.getContentType() + " is not taken here")
                + "; send " + types(e.getSupportedMediaTypes()) + ".";
    }

    static String acceptDetail(HttpMediaTypeNotAcceptableException e) {
        return "The answer is not available in the type the Accept header asks for"
                + (e.getSupportedMediaTypes().isEmpty() ? "." : "; ask for " + types(e.getSupportedMediaTypes()) + ".");
    }

    private static String types(Collection<MediaType> types) {
        return types.stream()
                .filter(type -> !type.getSubtype().contains("*"))
                .map(type -> type.getType() + "/" + type.getSubtype())
                .distinct()
                .collect(Collectors.joining(" or "));
    }

    private static <E extends Exception> void requireApi(HttpServletRequest request, E e) throws E {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
    }

    private static ResponseEntity<ProblemDetail> answer(
            HttpStatus status, String title, String detail, HttpHeaders headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
