package org.supportplans.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body to our API or to the engine REST API is 2 MiB at most: the largest we take is a district's
 * iCalendar file of a school year or two (tens of kilobytes); a form's longest text is 8,000 characters. A larger
 * body is refused with 413 ({@code application/problem+json}) before it is read: by its {@code Content-Length},
 * or, sent without one, as soon as the 2 MiB are passed (then through {@link BodyTooLarge}).
 */
@Configuration
class RequestBodyLimit {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final String DETAIL = "The request body is larger than 2 MB, the most this service takes.";

    /** A district's roster (a OneRoster zip) is the one larger body: 100 MiB, a large district's zipped export. */
    static final long ROSTER_MAX_BYTES = 100L * 1024 * 1024;

    static final String ROSTER_DETAIL = "The roster file is larger than 100 MB, the most this service takes.";

    private static final java.util.regex.Pattern ROSTER =
            java.util.regex.Pattern.compile("/api/districts/[^/]+/roster");

    static long limitFor(HttpServletRequest request) {
        return ROSTER.matcher(request.getRequestURI()).matches() ? ROSTER_MAX_BYTES : MAX_BYTES;
    }

    static String detailFor(long limit) {
        return limit == MAX_BYTES ? DETAIL : ROSTER_DETAIL;
    }

    @Bean
    FilterRegistrationBean<Filter> requestBodyLimitFilter(ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(new Filter(objectMapper));
        registration.setName("request-body-limit");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        // before signing in and before the engine REST API's own authentication filter
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Thrown while a body without a Content-Length is read past the limit. */
    public static class BodyTooLarge extends IOException {
        BodyTooLarge(String detail) {
            super(detail);
        }
    }

    static ProblemDetail problem() {
        return problem(DETAIL);
    }

    static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail);
        problem.setTitle("Request too large");
        return problem;
    }

    static class Filter extends OncePerRequestFilter {

        private final ObjectMapper objectMapper;

        Filter(ObjectMapper objectMapper) {
            this.objectMapper = objectMapper;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long limit = limitFor(request);
            if (request.getContentLengthLong() > limit) {
                ProblemDetail problem = problem(detailFor(limit));
                problem.setInstance(URI.create(request.getRequestURI()));
                response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                objectMapper.writeValue(response.getOutputStream(), problem);
                return;
            }
            chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
        }
    }

    /** A request whose body is counted as it is read. */
    static class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream counted;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new Counted(super.getInputStream(), limit);
            }
            return counted;
        }
    }

    static class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(detailFor(limit));
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
