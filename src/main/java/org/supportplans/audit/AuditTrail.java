package org.supportplans.audit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What an API list showed, told to the audit log by the controller that built it: the cases whose
 * rows it returned and how many rows. The audit log records them with the request ({@link AuditFilter}).
 */
public final class AuditTrail {

    static final String CASES = AuditTrail.class.getName() + ".cases";
    static final String COUNT = AuditTrail.class.getName() + ".count";

    private AuditTrail() {}

    /** The request showed these rows, of these cases. */
    public static void shown(int rows, Collection<String> caseIds) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> cases = (Set<String>) request.getAttribute(CASES, RequestAttributes.SCOPE_REQUEST);
        if (cases == null) {
            cases = new LinkedHashSet<>();
            request.setAttribute(CASES, cases, RequestAttributes.SCOPE_REQUEST);
        }
        caseIds.stream().filter(id -> id != null).forEach(cases::add);
        Integer before = (Integer) request.getAttribute(COUNT, RequestAttributes.SCOPE_REQUEST);
        request.setAttribute(COUNT, (before == null ? 0 : before) + rows, RequestAttributes.SCOPE_REQUEST);
    }
}
