package org.supportplans.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * Every process instance of a case belongs to the tenant of the case's school (tenant id = school id),
 * although the process definitions are shared (deployed without a tenant): the top-level {@code
 * support-case} and each {@code deadline-missed} are started with the variable {@value #SCHOOL_ID_VARIABLE}; a called
 * process takes the tenant of the instance that calls it. Tasks, jobs, incidents and history inherit the
 * instance's tenant, and the engine then shows them to the school's tenant members only.
 */
@Component
public class CaseTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

    /** The variable a top-level process instance is started with that names its school, and so its tenant. */
    public static final String SCHOOL_ID_VARIABLE = "schoolId";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (ctx.getSuperExecution() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        Object schoolId = ctx.getVariables().get(SCHOOL_ID_VARIABLE);
        return schoolId instanceof String id && !id.isBlank() ? id : null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null; // no CMMN here
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
    }
}
