package org.supportplans.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The case a created resource names in its {@code Location}, as the audit log records it. */
class AuditFilterTest {

    @Test
    void aCreatedCaseOrARecordOfItNamesTheCase() {
        String caseId = "057b76b1-ddf9-4840-a5e4-4718705d86cc";
        assertThat(AuditFilter.caseOfLocation("/api/cases/" + caseId)).contains(caseId);
        assertThat(AuditFilter.caseOfLocation("http://localhost:8080/api/cases/" + caseId))
                .contains(caseId);
        assertThat(AuditFilter.caseOfLocation("/api/cases/" + caseId + "/goals"))
                .as("a data point recorded: the case, not 'goals'")
                .contains(caseId);
        assertThat(AuditFilter.caseOfLocation("/api/cases/" + caseId + "/sessions?serviceId=41.2"))
                .as("a session logged: the case, not 'sessions'")
                .contains(caseId);
        assertThat(AuditFilter.caseOfLocation("/api/cases/" + caseId + "?view=plan"))
                .contains(caseId);
    }

    @Test
    void anythingElseNamesNoCase() {
        assertThat(AuditFilter.caseOfLocation(null)).isEmpty();
        assertThat(AuditFilter.caseOfLocation("/api/districts/demo-district")).isEmpty();
        assertThat(AuditFilter.caseOfLocation("/api/cases/")).isEmpty();
    }
}
