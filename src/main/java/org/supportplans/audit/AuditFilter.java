package org.supportplans.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.supportplans.audit.AuditEvent.Interface;
import org.supportplans.audit.AuditEvent.Outcome;
import org.supportplans.system.CurrentStaff;

/**
 * Records every request that reads or changes a student's record, after it is answered, whatever the
 * answer: our API ({@code /api/*}, classified by its path template, {@link ApiCalls}), the engine REST API
 * and the web apps' REST APIs ({@link EngineCalls}). Runs inside the sign-in filters (Spring Security for
 * the API, Camunda's for the engine REST API; the web apps' session is read directly), so the user is
 * known; a request refused for want of signing in has read nothing and is not recorded.
 */
class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

    private final AuditLog auditLog;
    private final CaseIds caseIds;
    private final IdentityService identityService;
    private final Clock clock;

    AuditFilter(AuditLog auditLog, CaseIds caseIds, IdentityService identityService, Clock clock) {
        this.auditLog = auditLog;
        this.caseIds = caseIds;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String userId = signedIn(request, path);
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (userId != null) {
                try {
                    int status = failed && !response.isCommitted() ? 500 : response.getStatus();
                    describe(request, response, path, userId, status).ifPresent(auditLog::record);
                } catch (RuntimeException e) {
                    // never break the request audited; say what was not recorded, by ids only
                    log.error("Audit event not recorded: {} {} by {}", request.getMethod(), path, userId, e);
                }
            }
        }
    }

    private String signedIn(HttpServletRequest request, String path) {
        if (path.startsWith("/api/")) {
            return CurrentStaff.get().map(CurrentStaff::userId).orElse(null);
        }
        if (path.startsWith("/engine-rest/")) {
            var authentication = identityService.getCurrentAuthentication();
            return authentication == null ? null : authentication.getUserId();
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return null;
        }
        Authentication user = authentications.getAuthentications().stream()
                .map(Authentication.class::cast)
                .findFirst()
                .orElse(null);
        return user == null ? null : user.getIdentityId();
    }

    private Optional<AuditEvent> describe(
            HttpServletRequest request, HttpServletResponse response, String path, String userId, int status) {
        return path.startsWith("/api/")
                ? api(request, response, userId, status)
                : engine(request, path, userId, status);
    }

    private Optional<AuditEvent> api(
            HttpServletRequest request, HttpServletResponse response, String userId, int status) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (!(pattern instanceof String template)) {
            return Optional.empty(); // no endpoint: nothing read
        }
        Optional<ApiCalls.Kind> kind = ApiCalls.kind(request.getMethod(), template);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Set<String> cases = new LinkedHashSet<>();
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null) {
            if (template.startsWith("/api/cases/{id}") && variables.get("id") != null) {
                cases.add(variables.get("id"));
            }
            if (variables.get("caseId") != null) {
                cases.add(variables.get("caseId"));
            }
            if (template.startsWith("/api/clocks/{id}")) {
                caseIds.ofClock(variables.get("id")).ifPresent(cases::add);
            }
        }
        caseOfLocation(response.getHeader("Location")).ifPresent(cases::add);
        @SuppressWarnings("unchecked")
        Set<String> shown = (Set<String>) request.getAttribute(AuditTrail.CASES);
        if (shown != null) {
            cases.addAll(shown);
        }
        return Optional.of(new AuditEvent(
                null,
                clock.instant(),
                userId,
                kind.get().action(),
                kind.get().resource(),
                Interface.API,
                request.getMethod(),
                template,
                request.getQueryString(),
                (Integer) request.getAttribute(AuditTrail.COUNT),
                status,
                Outcome.of(status),
                cases));
    }

    /**
     * The case a created resource's {@code Location} names: the segment after {@code /api/cases/}, whether the
     * location is the case ({@code /api/cases/{id}}, a referral's) or a record of it ({@code /api/cases/{id}/goals}).
     */
    static Optional<String> caseOfLocation(String location) {
        int at = location == null ? -1 : location.indexOf(CASES);
        if (at < 0) {
            return Optional.empty();
        }
        String rest = location.substring(at + CASES.length());
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        return end == 0 ? Optional.empty() : Optional.of(rest.substring(0, end));
    }

    private static final String CASES = "/api/cases/";

    private Optional<AuditEvent> engine(HttpServletRequest request, String path, String userId, int status) {
        // the query string only: reading a parameter with getParameter could consume a form body
        Map<String, String> query = queryParameters(request.getQueryString());
        return EngineCalls.of(request.getMethod(), path, query::get, request.getHeader("Referer"))
                .map(call -> {
                    Set<String> cases = new LinkedHashSet<>(call.caseIds());
                    call.taskIds().forEach(id -> caseIds.ofTask(id).ifPresent(cases::add));
                    call.processInstanceIds()
                            .forEach(id -> caseIds.ofProcessInstance(id).ifPresent(cases::add));
                    call.executionIds().forEach(id -> caseIds.ofExecution(id).ifPresent(cases::add));
                    return new AuditEvent(
                            null,
                            clock.instant(),
                            userId,
                            call.action(),
                            call.resource(),
                            call.via(),
                            request.getMethod(),
                            call.template(),
                            null,
                            null,
                            status,
                            Outcome.of(status),
                            cases);
                });
    }

    private static Map<String, String> queryParameters(String queryString) {
        Map<String, String> parameters = new HashMap<>();
        if (queryString == null) {
            return parameters;
        }
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.putIfAbsent(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
