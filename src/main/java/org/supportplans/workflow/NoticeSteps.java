package org.supportplans.workflow;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.supportplans.cases.Consents;
import org.supportplans.cases.NoticeKind;
import org.supportplans.workflow.SupportCaseProcess.Variables;

/** Notices to the parents. */
final class NoticeSteps {

    private NoticeSteps() {}

    /** Sends the notices its {@code noticeKinds} input names (e.g. {@code EVALUATION_REPORT,PRIOR_WRITTEN_NOTICE}). */
    @Component("parentNoticeSender")
    static class ParentNoticeSender extends CaseSteps.Step {

        private final Consents consents;

        ParentNoticeSender(Consents consents) {
            this.consents = consents;
        }

        @Override
        void run(DelegateExecution execution, String caseId) {
            Object kinds = execution.getVariableLocal(Variables.NOTICE_KINDS);
            if (kinds == null) {
                throw new IllegalStateException("the notice sender needs a noticeKinds input");
            }
            List<NoticeKind> notices = Arrays.stream(kinds.toString().split(","))
                    .map(String::strip)
                    .map(NoticeKind::valueOf)
                    .toList();
            consents.sendNotices(caseId, notices);
        }
    }
}
