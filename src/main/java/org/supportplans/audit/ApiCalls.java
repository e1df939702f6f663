package org.supportplans.audit;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.supportplans.audit.AuditEvent.Action;
import org.supportplans.audit.AuditEvent.Resource;

/**
 * Which requests of our API read or change a student's record, by method and path template, and which
 * hold no student data (staff, schools, districts, calendars, the preview of a rule). Every handler of
 * {@code /api} is in one of the two lists: {@code AuditLogIT} fails for a new endpoint left out.
 */
final class ApiCalls {

    record Kind(Action action, Resource resource) {}

    static final Map<String, Kind> AUDITED = Map.ofEntries(
            entry("GET /api/cases", new Kind(Action.READ, Resource.CASES)),
            entry("GET /api/cases/{id}", new Kind(Action.READ, Resource.CASE)),
            entry("GET /api/cases/{id}/timeline", new Kind(Action.READ, Resource.CASE_TIMELINE)),
            entry("POST /api/cases/{id}/parent-responses", new Kind(Action.CREATE, Resource.PARENT_RESPONSE)),
            entry("POST /api/cases/{id}/exit", new Kind(Action.UPDATE, Resource.CASE_EXIT)),
            entry("GET /api/cases/{id}/plans/{planId}", new Kind(Action.READ, Resource.PLAN_VERSION)),
            entry("GET /api/cases/{id}/notices/{noticeId}", new Kind(Action.READ, Resource.PARENT_NOTICE)),
            entry("POST /api/cases/{id}/plan-amendments", new Kind(Action.CREATE, Resource.PLAN_AMENDMENT)),
            entry("POST /api/cases/{id}/request-refusals", new Kind(Action.CREATE, Resource.PARENT_NOTICE)),
            entry("POST /api/cases/{caseId}/clocks", new Kind(Action.CREATE, Resource.CLOCK)),
            entry("GET /api/clocks/{id}", new Kind(Action.READ, Resource.CLOCK)),
            entry("POST /api/clocks/{id}/pause", new Kind(Action.UPDATE, Resource.CLOCK)),
            entry("POST /api/clocks/{id}/resume", new Kind(Action.UPDATE, Resource.CLOCK)),
            entry("POST /api/clocks/{id}/extend", new Kind(Action.UPDATE, Resource.CLOCK)),
            entry("POST /api/clocks/{id}/reason", new Kind(Action.UPDATE, Resource.CLOCK)),
            entry("POST /api/clocks/{id}/met", new Kind(Action.UPDATE, Resource.CLOCK)),
            entry("POST /api/clocks/{id}/absences", new Kind(Action.UPDATE, Resource.CLOCK)),
            entry("GET /api/deadlines", new Kind(Action.READ, Resource.DEADLINES)),
            entry("GET /api/deadlines.ics", new Kind(Action.READ, Resource.DEADLINES_FEED)),
            entry("POST /api/referrals", new Kind(Action.CREATE, Resource.REFERRAL)),
            entry("GET /api/reports/evaluation-timeliness", new Kind(Action.READ, Resource.REPORT)),
            entry("GET /api/reports/step-durations", new Kind(Action.READ, Resource.REPORT)),
            entry("GET /api/reports/caseloads", new Kind(Action.READ, Resource.REPORT)),
            entry("GET /api/reports/clocks", new Kind(Action.READ, Resource.REPORT)),
            entry("GET /api/audit", new Kind(Action.READ, Resource.AUDIT_LOG)),
            // a roster holds the district's students: names, birth dates, schools, teachers
            entry("POST /api/districts/{id}/roster", new Kind(Action.CREATE, Resource.ROSTER)),
            entry("GET /api/cases/{id}/documents", new Kind(Action.READ, Resource.DOCUMENTS)),
            entry("POST /api/cases/{id}/documents/preview", new Kind(Action.READ, Resource.DOCUMENT_PREVIEW)),
            entry("GET /api/cases/{id}/documents/preview", new Kind(Action.READ, Resource.DOCUMENT_PREVIEW)),
            entry("GET /api/documents/{id}", new Kind(Action.READ, Resource.DOCUMENT)),
            entry("GET /api/reports/documents-not-in-family-language", new Kind(Action.READ, Resource.REPORT)),
            entry("GET /api/cases/{id}/goals", new Kind(Action.READ, Resource.GOALS)),
            entry("PUT /api/cases/{id}/goals/{goalId}/measurement", new Kind(Action.UPDATE, Resource.GOALS)),
            entry("POST /api/cases/{id}/goals/{goalId}/data-points", new Kind(Action.CREATE, Resource.GOAL_DATA)),
            entry("POST /api/cases/{id}/services/{serviceId}/sessions", new Kind(Action.CREATE, Resource.SESSION)),
            entry("GET /api/cases/{id}/sessions", new Kind(Action.READ, Resource.SESSION)),
            entry("GET /api/reports/services-owed", new Kind(Action.READ, Resource.REPORT)),
            entry("GET /api/cases/{id}/public-benefits", new Kind(Action.READ, Resource.PUBLIC_BENEFITS)),
            entry("POST /api/cases/{id}/public-benefits/consent", new Kind(Action.CREATE, Resource.PUBLIC_BENEFITS)),
            entry("POST /api/cases/{id}/public-benefits/notices", new Kind(Action.CREATE, Resource.PUBLIC_BENEFITS)),
            // students' ids and birth dates for a billing vendor: each case exported is named
            entry("GET /api/reports/medicaid-sessions", new Kind(Action.READ, Resource.BILLING_EXPORT)),
            entry("POST /api/cases/{id}/parent-invitations", new Kind(Action.CREATE, Resource.PARENT_INVITATION)),
            entry("GET /api/cases/{id}/parent-invitations", new Kind(Action.READ, Resource.PARENT_INVITATIONS)),
            entry(
                    "POST /api/cases/{id}/parent-invitations/{invitationId}/unlock",
                    new Kind(Action.UPDATE, Resource.PARENT_INVITATION)),
            entry(
                    "POST /api/cases/{id}/parent-invitations/{invitationId}/renew",
                    new Kind(Action.UPDATE, Resource.PARENT_INVITATION)),
            entry(
                    "GET /api/cases/{id}/family-receipts/{receiptNumber}",
                    new Kind(Action.READ, Resource.FAMILY_CONSENT)));

    static final Set<String> NO_STUDENT_DATA = Set.of(
            "GET /api/me",
            "GET /api/csrf-token",
            "GET /api/schools",
            "POST /api/districts",
            "GET /api/districts/{id}",
            "POST /api/districts/{id}/schools",
            "GET /api/districts/{id}/schools/{schoolId}",
            "GET /api/districts/{districtId}/calendars",
            "GET /api/districts/{districtId}/calendars/{schoolYear}",
            "PUT /api/districts/{districtId}/calendars/{schoolYear}",
            "GET /api/deadlines/preview",
            "GET /api/schools/{schoolId}/calendars",
            "GET /api/schools/{schoolId}/calendars/{schoolYear}",
            "PUT /api/schools/{schoolId}/calendars/{schoolYear}",
            "GET /api/districts/{id}/roster/role-mapping",
            "PUT /api/districts/{id}/roster/role-mapping",
            "GET /api/districts/{districtId}/clock-policies",
            "PUT /api/districts/{districtId}/clock-policies/{clock}",
            "DELETE /api/districts/{districtId}/clock-policies/{clock}",
            "GET /api/districts/{id}/family-contact",
            "PUT /api/districts/{id}/family-contact",
            "GET /api/districts/{districtId}/reporting-periods/{schoolYear}",
            "PUT /api/districts/{districtId}/reporting-periods/{schoolYear}",
            "GET /api/districts/{districtId}/records-retention",
            "PUT /api/districts/{districtId}/records-retention");

    private ApiCalls() {}

    static Optional<Kind> kind(String method, String pathTemplate) {
        String verb = "HEAD".equals(method) ? "GET" : method;
        return Optional.ofNullable(AUDITED.get(verb + " " + pathTemplate));
    }
}
