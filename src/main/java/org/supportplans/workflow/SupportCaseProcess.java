package org.supportplans.workflow;

/**
 * The names the {@code support-case} BPMN and our code share: the process key, its element ids and
 * its variables. A renamed element in the diagram must be renamed here, and a test reads every id
 * below back from the deployed model.
 */
public final class SupportCaseProcess {

    public static final String KEY = "support-case";

    public static final class Elements {
        public static final String START_REFERRAL_RECEIVED = "StartEvent_ReferralReceived";
        public static final String TASK_TRIAGE_REFERRAL = "Task_TriageReferral";
        public static final String END_TRIAGED = "EndEvent_Triaged";

        private Elements() {}
    }

    public static final class Variables {
        public static final String TRIAGE_OUTCOME = "triageOutcome";
        public static final String TRIAGE_RATIONALE = "triageRationale";

        private Variables() {}
    }

    private SupportCaseProcess() {}
}
