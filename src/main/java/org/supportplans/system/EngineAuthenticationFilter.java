package org.supportplans.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs every engine call of an API request as the signed-in staff member, so that Camunda's
 * authorizations and its tenant check (one tenant per school, see {@link StaffTenants}) apply to our API
 * exactly as they do in Tasklist and the engine REST API.
 */
public class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final StaffTenants tenants;

    public EngineAuthenticationFilter(IdentityService identityService, StaffTenants tenants) {
        this.identityService = identityService;
        this.tenants = tenants;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var staff = CurrentStaff.get();
        if (staff.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String userId = staff.get().userId();
        List<String> groupIds = staff.get().groupIds();
        identityService.setAuthentication(userId, groupIds, tenants.tenantIdsOf(userId, groupIds));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
