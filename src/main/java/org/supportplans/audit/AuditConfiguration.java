package org.supportplans.audit;

import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class AuditConfiguration {

    /**
     * After Spring Security's filters (order -100) and Camunda's engine REST sign-in (lowest precedence -
     * 10), so the signed-in user is known; before the servlets, so every answer is seen.
     */
    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(
            AuditLog auditLog, CaseIds caseIds, IdentityService identityService, Clock clock) {
        var registration = new FilterRegistrationBean<>(new AuditFilter(auditLog, caseIds, identityService, clock));
        registration.setName("audit-log");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
        return registration;
    }
}
