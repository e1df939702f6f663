package org.supportplans.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.progress.ProgressReports;

/**
 * The steps of {@code processes/progress-report.bpmn}: a progress report per case and reporting period, opened by
 * {@link ProgressReports#openDue()}.
 */
final class ProgressReportSteps {

    private ProgressReportSteps() {}

    static long reportId(DelegateTask task) {
        return ((Number) task.getVariable(ProgressReports.Variables.REPORT_ID)).longValue();
    }

    /** As a task of the report opens: whom it is about, and each goal's figures for the form. */
    @Component("progressReportPrefill")
    static class Prefill implements TaskListener {

        private final CaseDirectory cases;
        private final ProgressReports reports;

        Prefill(CaseDirectory cases, ProgressReports reports) {
            this.cases = cases;
            this.reports = reports;
        }

        @Override
        public void notify(DelegateTask task) {
            CaseDirectory.CaseFacts facts = cases.facts(CaseSteps.caseId(task));
            task.setVariableLocal(SupportCaseProcess.Variables.STUDENT_NAME, facts.studentName());
            task.setVariableLocal(SupportCaseProcess.Variables.SCHOOL_NAME, facts.schoolName());
            task.setVariableLocal(ProgressReports.Variables.GOALS_SUMMARY, reports.summary(reportId(task)));
        }
    }

    /** "Write the progress report" completed: the report is locked; a goal off track twice leads to a review. */
    @Component("progressReportFinal")
    static class Final extends CaseSteps.Recorder {

        private final ProgressReports reports;

        Final(FormSchemas forms, ProgressReports reports) {
            super(forms);
            this.reports = reports;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            String comments = input.text("progressComments");
            // the period's measurements not yet recorded, written on the form: recorded first, so that the report
            // locks them with the rest
            List<ProgressReports.NewDataPoint> points = new ArrayList<>();
            for (TaskInputs row : input.rows(ProgressReports.Variables.NEW_DATA_POINTS)) {
                points.add(new ProgressReports.NewDataPoint(
                        row.number("goal"), row.date("measuredOn"), row.decimal("value"), row.text("note")));
            }
            reports.recordData(reportId(task), points, actor);
            boolean offTrackTwice = reports.finalise(reportId(task), comments, actor);
            task.getExecution().setVariable(ProgressReports.Variables.OFF_TRACK_TWICE, offTrackTwice);
        }
    }
}
