package org.supportplans.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Set;

/**
 * One read or change of student records: who, when, what (the action on which resource), which cases
 * (by id), through which interface, the request (method, path template with ids as {@code {id}}, and for
 * lists the query) and how it ended (the HTTP status).
 */
public record AuditEvent(
        Long id,
        Instant occurredAt,
        String userId,
        Action action,
        Resource resource,
        @JsonProperty("interface") Interface via,
        String method,
        String path,
        String query,
        Integer resultCount,
        int status,
        Outcome outcome,
        Set<String> caseIds) {

    public enum Action {
        READ,
        CREATE,
        UPDATE,
        COMPLETE,
        DELETE
    }

    /** What was read or changed. */
    public enum Resource {
        CASE,
        CASES,
        CASE_TIMELINE,
        CASE_EXIT,
        PLAN_VERSION,
        PLAN_AMENDMENT,
        PARENT_NOTICE,
        PARENT_RESPONSE,
        REFERRAL,
        CLOCK,
        DEADLINES,
        DEADLINES_FEED,
        REPORT,
        AUDIT_LOG,
        TASK,
        TASK_FORM,
        TASK_VARIABLES,
        TASKS,
        PROCESS_INSTANCE,
        PROCESS_INSTANCE_VARIABLES,
        PROCESS_INSTANCES,
        VARIABLES,
        HISTORY,
        MESSAGE,
        ROSTER,
        /** a document for the family: sealed, listed, downloaded or previewed (issue 16) */
        DOCUMENT,
        DOCUMENTS,
        DOCUMENT_PREVIEW,
        /** the goals of an IEP in effect, their measurement and data (issue 19) */
        GOALS,
        GOAL_DATA,
        /** a session of an IEP service, delivered or missed */
        SESSION,
        /** the parents' consent to bill public benefits and its yearly notices; the billing export (34 CFR 300.154(d)) */
        PUBLIC_BENEFITS,
        BILLING_EXPORT,
        /** an invitation of the parents to answer online, and what they did on the family's page (issue 17) */
        PARENT_INVITATION,
        PARENT_INVITATIONS,
        FAMILY_SIGN_IN,
        FAMILY_CONSENT,
        FAMILY_REVOCATION
    }

    /** Through which door: our API, the engine REST API, or one of Camunda's web apps. */
    public enum Interface {
        API,
        ENGINE_REST,
        TASKLIST,
        COCKPIT,
        ADMIN,
        /** a web app's call whose app could not be told (no Referer) */
        WEBAPP,
        /** the service itself, when a step completes: e.g. a document sealed, with its SHA-256 */
        SERVICE,
        /** the family's page ({@code /family}): a parent signed in with an invitation's code */
        FAMILY
    }

    /** Done, refused (4xx: not allowed, not found, not valid, conflicting: nothing changed), or failed (5xx). */
    public enum Outcome {
        DONE,
        REFUSED,
        FAILED;

        static Outcome of(int status) {
            return status >= 500 ? FAILED : status >= 400 ? REFUSED : DONE;
        }
    }
}
