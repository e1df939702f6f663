package org.supportplans.workflow;

import org.supportplans.engine.CaseTenants;

/**
 * The names the BPMN of {@code processes/} and our code share: process keys, the element ids the code
 * refers to, messages and variables. A renamed element in a diagram must be renamed here, and
 * {@code ProcessModelTest} reads every id below back from the diagrams.
 */
public final class SupportCaseProcess {

    /** The top-level process; its business key, and that of every process it calls, is the case id. */
    public static final String KEY = "support-case";

    /** Called processes, each a phase of the case, by key, with the elements the code names. */
    public static final class ReferralTriage {
        public static final String KEY = "referral-triage";
        public static final String TASK_TRIAGE_REFERRAL = "Task_TriageReferral";

        private ReferralTriage() {}
    }

    public static final class ParentConsent {
        public static final String KEY = "parent-consent";
        public static final String TASK_RECORD_PARENT_ANSWER = "Task_RecordParentAnswer";
        public static final String EVENT_ANSWER_RECEIVED = "BoundaryEvent_AnswerReceived";

        private ParentConsent() {}
    }

    public static final class EvaluationEligibility {
        public static final String KEY = "evaluation-eligibility";
        public static final String TASK_PLAN_EVALUATION = "Task_PlanEvaluation";
        public static final String TASK_EVALUATE_AREA = "Task_EvaluateArea";
        public static final String TASK_DECIDE_ELIGIBILITY = "Task_DecideEligibility";

        private EvaluationEligibility() {}
    }

    public static final class PlanDevelopment {
        public static final String KEY = "plan-development";
        public static final String TASK_SCHEDULE_PLAN_MEETING = "Task_SchedulePlanMeeting";
        public static final String TASK_HOLD_PLAN_MEETING = "Task_HoldPlanMeeting";
        public static final String TASK_WRITE_IEP = "Task_WriteIep";
        public static final String TASK_WRITE_504_PLAN = "Task_Write504Plan";
        public static final String TASK_WRITE_ALP = "Task_WriteAlp";
        public static final String SERVICE_TASK_NOTIFY_TEACHERS = "ServiceTask_NotifyTeachers";

        private PlanDevelopment() {}
    }

    public static final class PlanInEffect {
        public static final String KEY = "plan-in-effect";
        public static final String TIMER_ANNUAL_REVIEW_DUE = "TimerEvent_AnnualReviewDue";
        public static final String TIMER_REEVALUATION_DUE = "TimerEvent_ReevaluationDue";
        public static final String TASK_HOLD_ANNUAL_REVIEW = "Task_HoldAnnualReview";
        public static final String TASK_REVIEW_PLAN_AFTER_REEVALUATION = "Task_ReviewPlanAfterReevaluation";
        public static final String TASK_REVIEW_EXISTING_DATA = "Task_ReviewExistingData";
        public static final String TASK_REEVALUATE = "Task_Reevaluate";

        private PlanInEffect() {}
    }

    /**
     * The morning deadline sweep: one instance an hour (its timer start event), sweeping the districts whose
     * morning has come and were not swept that day ({@link DeadlineSweep}).
     */
    /** A district's yearly "Confirm the destruction of records" (records-destruction.bpmn). */
    public static final class RecordsDestruction {
        public static final String KEY = "records-destruction";
        public static final String TASK_CONFIRM = "Task_ConfirmDestruction";
        public static final String TASK_DESTROY = "ServiceTask_DestroyRecords";

        private RecordsDestruction() {}
    }

    public static final class DeadlineSweepProcess {
        public static final String KEY = "deadline-sweep";
        public static final String TIMER_EVERY_HOUR = "TimerStartEvent_EveryHour";
        public static final String TASK_SWEEP = "ServiceTask_SweepDistricts";

        private DeadlineSweepProcess() {}
    }

    /**
     * A clock found overdue by the sweep: the coordinator's "Deadline missed: record why", with the case id as its
     * business key and the case's school as its tenant; ended when the clock is cancelled ({@link ClockTasks}).
     */
    public static final class DeadlineMissed {
        public static final String KEY = "deadline-missed";
        public static final String TASK_RECORD_LATE_REASON = "Task_RecordLateReason";

        private DeadlineMissed() {}
    }

    /** Message names, as the diagrams declare them. */
    public static final class Messages {
        public static final String PARENT_ANSWER_RECEIVED = "ParentAnswerReceived";
        public static final String CONSENT_REVOKED = "ConsentRevoked";
        public static final String STUDENT_TRANSFERRED_OUT = "StudentTransferredOut";
        public static final String CASE_EXITED = "CaseExited";
        /** Ends a missed clock's "record why" task: the clock was cancelled. */
        public static final String CLOCK_STOPPED = "ClockStopped";

        private Messages() {}
    }

    /** Process variables: what the gateways decide on, the timers wait for and the forms show. */
    public static final class Variables {
        public static final String CASE_ID = "caseId";
        /** IN_STATE or OUT_OF_STATE for a student who transferred in with an IEP; null otherwise. */
        public static final String TRANSFER_FROM = "transferFrom";

        public static final String TRANSFER_FROM_TEXT = "transferFromText";
        public static final String TRANSFER_PREVIOUS_DISTRICT = "transferPreviousDistrict";
        public static final String TRANSFER_DECISION = "transferDecision";
        /** The case's school: the tenant of every process instance of the case (see {@link CaseTenants}). */
        public static final String SCHOOL_ID = CaseTenants.SCHOOL_ID_VARIABLE;
        /** The clock a deadline-missed instance asks about. */
        public static final String CLOCK_ID = "clockId";
        // shown by the forms
        public static final String STUDENT_NAME = "studentName";
        public static final String SCHOOL_NAME = "schoolName";
        public static final String REFERRAL_RECEIVED_ON = "referralReceivedOn";
        public static final String CONCERNS_TEXT = "concernsText";
        public static final String REFERRAL_REASON = "referralReason";
        public static final String PARENT_REQUESTED_EVALUATION = "parentRequestedEvaluation";
        public static final String CONSENT_KIND_LABEL = "consentKindLabel";
        public static final String CONSENT_REQUESTED_ON = "consentRequestedOn";
        public static final String CONSENT_DATE = "consentDate";
        public static final String EVALUATION_DUE_ON = "evaluationDueOn";
        public static final String EVALUATION_AREA_LABEL = "evaluationAreaLabel";
        public static final String ELIGIBILITY_DECIDED_ON = "eligibilityDecidedOn";
        public static final String PLAN_MEETING_DUE_ON = "planMeetingDueOn";
        public static final String IDEA_CATEGORIES_TEXT = "ideaCategoriesText";
        public static final String MEETING_NOTICE_SENT_ON = "meetingNoticeSentOn";
        public static final String TRANSITION_REQUIRED = "transitionRequired";
        public static final String PLAN_KINDS_TEXT = "planKindsText";
        public static final String ANNUAL_REVIEW_DUE_ON = "annualReviewDueOn";
        public static final String REEVALUATION_DUE_ON = "reevaluationDueOn";
        // decided on by gateways
        public static final String TRIAGE_OUTCOME = "triageOutcome";
        public static final String CONSENT_KIND = "consentKind";
        public static final String CONSENT_DECISION = "consentDecision";
        public static final String NEEDS_IEP = "needsIep";
        public static final String NEEDS_504 = "needs504";
        public static final String NEEDS_ALP = "needsAlp";
        public static final String PLANS_IN_EFFECT = "plansInEffect";
        public static final String STILL_ELIGIBLE = "stillEligible";
        public static final String MORE_DATA_NEEDED = "moreDataNeeded";
        public static final String EXIT_REASON = "exitReason";
        // waited for by timers, and task due dates
        public static final String INTERVENTION_FOLLOW_UP_AT = "interventionFollowUpAt";
        public static final String EVALUATION_AREA_LIST = "evaluationAreaList";
        public static final String EVALUATION_AREA = "evaluationArea";
        public static final String ANNUAL_REVIEW_DUE_AT = "annualReviewDueAt";
        public static final String REEVALUATION_DUE_AT = "reevaluationDueAt";
        // local input of the notice sender
        public static final String NOTICE_KINDS = "noticeKinds";

        private Variables() {}
    }

    private SupportCaseProcess() {}
}
