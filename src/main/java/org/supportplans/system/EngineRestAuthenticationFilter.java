package org.supportplans.system;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's own sign-in for {@code /engine-rest}, with the caller's tenants (their schools) taken from our
 * tables, the source of truth, rather than from Camunda's tenant memberships, which only mirror them.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    private final StaffTenants tenants;

    EngineRestAuthenticationFilter(StaffTenants tenants) {
        this.tenants = tenants;
    }

    @Override
    protected void setAuthenticatedUser(
            ProcessEngine engine, String userId, List<String> groupIds, List<String> tenantIds) {
        List<String> groups = groupIds == null ? getGroupsOfUser(engine, userId) : groupIds;
        super.setAuthenticatedUser(engine, userId, groups, tenants.tenantIdsOf(userId, groups));
    }
}
