package org.supportplans.workflow;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The watch-process-per-clock design ({@code clock-watch}, before the morning sweep) retired on a database that
 * still has its instances: a watch waiting at a timer is ended (the sweep reads the clock record instead, and
 * would otherwise be joined by a timer firing a reminder no bean sends any more); a watch waiting at its
 * coordinator's "Deadline missed: record why" stays until answered (its listeners are the sweep's).
 */
@Component
class ClockWatchRetirement {

    static final String RETIRED_KEY = "clock-watch";
    private static final Logger log = LoggerFactory.getLogger(ClockWatchRetirement.class);

    private final RuntimeService runtimeService;

    ClockWatchRetirement(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventListener(ApplicationReadyEvent.class)
    void retire() {
        List<ProcessInstance> watches = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(RETIRED_KEY)
                .list();
        int ended = 0;
        for (ProcessInstance watch : watches) {
            boolean asksWhy = runtimeService
                            .createExecutionQuery()
                            .processInstanceId(watch.getId())
                            .activityId(SupportCaseProcess.DeadlineMissed.TASK_RECORD_LATE_REASON)
                            .count()
                    > 0;
            if (asksWhy) {
                continue;
            }
            try {
                runtimeService.deleteProcessInstance(
                        watch.getId(), "clock-watch replaced by the deadline-sweep", true, true);
                ended++;
            } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException meanwhile) {
                // ended meanwhile (another node retiring it, or its timer)
            }
        }
        if (ended > 0) {
            log.info("Retired {} clock-watch instances: the deadline-sweep reads their clocks", ended);
        }
    }
}
