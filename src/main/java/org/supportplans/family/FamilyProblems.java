package org.supportplans.family;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure on {@code /family} gets a plain page in the family's language that says what to do, never the API's
 * problem+json and never a stack: a form sent without its CSRF token or after it changed ("this page was open too
 * long", 403), a path that does not exist (404), and anything that went wrong on our side (500). None says whether a
 * case or a link exists. A failure is logged without the path's link (only its shape).
 */
@Component
class FamilyProblems implements HandlerExceptionResolver, AccessDeniedHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(FamilyProblems.class);

    /** The problem pages and their status; {@code GET /family/problem/{view}} serves them in the other language. */
    static final Map<String, HttpStatus> VIEWS = Map.of(
            "expired", HttpStatus.FORBIDDEN,
            "notFound", HttpStatus.NOT_FOUND,
            "failed", HttpStatus.INTERNAL_SERVER_ERROR);

    private final FamilyPages pages;

    FamilyProblems(FamilyPages pages) {
        this.pages = pages;
    }

    /** Before the API's handlers, which answer problem+json; only for requests of {@code /family}. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!isFamily(request)) {
            return null;
        }
        String view;
        if (e instanceof NoResourceFoundException
                || e instanceof NoHandlerFoundException
                || e instanceof TypeMismatchException
                || e instanceof HttpRequestMethodNotSupportedException) {
            view = "notFound";
        } else {
            view = "failed";
            // the exception's class and where, not its message: a message may quote what the parent typed
            log.error(
                    "A family page failed: {} {}: {} at {}",
                    request.getMethod(),
                    shape(request),
                    e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        }
        try {
            write(request, response, view);
        } catch (IOException written) {
            log.warn(
                    "A family page's problem page could not be written: {}",
                    written.getClass().getSimpleName());
        }
        return new ModelAndView();
    }

    /** The CSRF token missing or not the one the page was given (the family chain's only refusal). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, "expired");
    }

    void write(HttpServletRequest request, HttpServletResponse response, String view) throws IOException {
        response.resetBuffer();
        response.setStatus(VIEWS.get(view).value());
        response.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8).toString());
        byte[] body =
                pages.render(view, language(request), variables(request, view)).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    static Map<String, Object> variables(HttpServletRequest request, String view) {
        Map<String, Object> variables = new HashMap<>();
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        variables.put("csrfName", csrf == null ? "_csrf" : csrf.getParameterName());
        variables.put("csrfToken", csrf == null ? "" : csrf.getToken());
        variables.put("base", request.getContextPath());
        variables.put("path", "/family/problem/" + view);
        return variables;
    }

    /** The language the family chose on the page (kept in a cookie), else their browser's. */
    private static String language(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(FamilyPageController.LANGUAGE_COOKIE)) {
                    return FamilyPages.language(cookie.getValue());
                }
            }
        }
        return FamilyPages.language(request.getLocale().toLanguageTag());
    }

    private static boolean isFamily(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/family") || path.startsWith("/family/");
    }

    /** The path without a link's token: {@code /family/i/{token}}. */
    static String shape(HttpServletRequest request) {
        return request.getRequestURI()
                .substring(request.getContextPath().length())
                .replaceAll("^/family/i/[^/]+", "/family/i/{token}");
    }
}
