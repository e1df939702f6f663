package org.supportplans.progress;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Opens the progress reports of the periods that ended, each hour (a district's day starts in its own time zone);
 * on every node of a cluster: a report's unique row lets one node open it. Off with
 * {@code support-plans.progress-reports.open=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "support-plans.progress-reports", name = "open", matchIfMissing = true)
class ProgressReportSchedule {

    private final ProgressReports reports;

    ProgressReportSchedule(ProgressReports reports) {
        this.reports = reports;
    }

    @Scheduled(cron = "${support-plans.progress-reports.cron:0 7 * * * *}")
    void eachHour() {
        reports.openDue();
    }
}
