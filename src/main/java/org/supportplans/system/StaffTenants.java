package org.supportplans.system;

import java.util.List;

/**
 * The Camunda tenants (one per school, the tenant id is the school id) whose process instances, tasks and
 * history a staff member may see, as our own tables say: every engine call made on their behalf carries
 * them, so that the engine's tenant check applies. Implemented where the schools live ({@code people}).
 */
public interface StaffTenants {

    List<String> tenantIdsOf(String userId, List<String> groupIds);
}
