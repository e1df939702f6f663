package org.supportplans.deadlines;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.engine.TaskInputRejected;
import org.supportplans.system.RuleViolation;

/** The delegates of the {@code clock-watch} process. */
final class ClockWatchSteps {

    private ClockWatchSteps() {}

    static Long clockId(DelegateExecution execution) {
        return ((Number) execution.getVariable(ClockWatch.CLOCK_ID)).longValue();
    }

    /**
     * "Remind who holds the step": the assignee of each open task of the case, or the staff of its
     * candidate groups at the case's school; by e-mail when a mail server is configured (the message
     * names no student), and counted on the clock in any case. A clock not running is not reminded.
     */
    @Component("clockReminder")
    static class ClockReminder implements JavaDelegate {

        private static final Logger log = LoggerFactory.getLogger(ClockReminder.class);

        private final ClockRepository clocks;
        private final TaskService taskService;
        private final IdentityService identityService;
        private final CaseDirectory cases;
        private final ObjectProvider<JavaMailSender> mailSender;
        private final String baseUrl;

        ClockReminder(
                ClockRepository clocks,
                TaskService taskService,
                IdentityService identityService,
                CaseDirectory cases,
                ObjectProvider<JavaMailSender> mailSender,
                @Value("${support-plans.base-url:http://localhost:8080}") String baseUrl) {
            this.clocks = clocks;
            this.taskService = taskService;
            this.identityService = identityService;
            this.cases = cases;
            this.mailSender = mailSender;
            this.baseUrl = baseUrl;
        }

        @Override
        @Transactional
        public void execute(DelegateExecution execution) {
            Clock clock = clocks.findById(clockId(execution)).orElseThrow();
            if (clock.getStatus() != ClockStatus.RUNNING) {
                return;
            }
            Set<String> schoolStaff = cases.staffOf(clock.getCaseId());
            Set<User> recipients = new LinkedHashSet<>();
            for (Task task : taskService
                    .createTaskQuery()
                    .processInstanceBusinessKey(clock.getCaseId())
                    .active()
                    .list()) {
                if (task.getAssignee() != null) {
                    User assignee = identityService
                            .createUserQuery()
                            .userId(task.getAssignee())
                            .singleResult();
                    if (assignee != null) {
                        recipients.add(assignee);
                    }
                    continue;
                }
                taskService.getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                        .flatMap(link ->
                                identityService.createUserQuery().memberOfGroup(link.getGroupId()).list().stream())
                        .filter(user -> schoolStaff.contains(user.getId()))
                        .forEach(recipients::add);
            }
            clock.reminded();
            JavaMailSender mail = mailSender.getIfAvailable();
            if (mail != null) {
                recipients.stream()
                        .filter(user ->
                                user.getEmail() != null && !user.getEmail().isBlank())
                        .forEach(user -> mail.send(message(clock, user)));
            }
            log.info("Clock {}: reminder {} to {} staff", clock.getId(), clock.getRemindersSent(), recipients.size());
        }

        private SimpleMailMessage message(Clock clock, User user) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setTo(user.getEmail());
            message.setSubject(
                    "Due " + clock.effectiveDue() + ": " + clock.getKind().label());
            message.setText("A step of a case you work on is due on " + clock.effectiveDue() + " ("
                    + clock.getRuleText() + ").\n\nThe case: " + baseUrl + "/api/cases/" + clock.getCaseId()
                    + " (sign in to open it); its tasks are in Tasklist: " + baseUrl + "/camunda/app/tasklist/\n");
            return message;
        }
    }

    /** "Check the clock": sets {@code overdue} and {@code clockEnded} for the gateway. */
    @Component("clockOverdueCheck")
    static class ClockOverdueCheck implements JavaDelegate {

        private final ClockService clockService;

        ClockOverdueCheck(ClockService clockService) {
            this.clockService = clockService;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Long clockId = clockId(execution);
            boolean overdue = clockService.markOverdue(clockId);
            // a clock met or cancelled ends its watch here, should the stop not have reached it
            boolean ended = !overdue
                    && clockService
                            .find(clockId)
                            .map(clock -> !clock.getStatus().isOpen())
                            .orElse(true);
            execution.setVariable("overdue", overdue);
            execution.setVariable("clockEnded", ended);
        }
    }

    /** "Deadline missed: record why", as it opens: what its form shows of the clock and the case, on the task. */
    @Component("clockLateReasonFacts")
    static class ClockLateReasonFacts implements TaskListener {

        private final ClockService clockService;
        private final ClockWatch clockWatch;

        ClockLateReasonFacts(ClockService clockService, ClockWatch clockWatch) {
            this.clockService = clockService;
            this.clockWatch = clockWatch;
        }

        @Override
        public void notify(DelegateTask task) {
            clockService
                    .find(clockId(task.getExecution()))
                    .ifPresent(clock -> task.setVariablesLocal(clockWatch.lateReasonFacts(clock)));
        }
    }

    /** "Deadline missed: record why": the reason code and the facts, checked again here. */
    @Component("clockLateReasonRecorder")
    static class ClockLateReasonRecorder implements TaskListener {

        private final ClockService clockService;

        ClockLateReasonRecorder(ClockService clockService) {
            this.clockService = clockService;
        }

        @Override
        public void notify(DelegateTask task) {
            Object code = task.getVariable("lateReasonCode");
            Object text = task.getVariable("lateReasonText");
            ReasonCode reason;
            try {
                reason = ReasonCode.valueOf(String.valueOf(code));
            } catch (IllegalArgumentException e) {
                throw new TaskInputRejected("Why was the deadline missed: choose one of the reasons.");
            }
            if (!(text instanceof String words) || words.strip().length() < 10 || words.length() > 1000) {
                throw new TaskInputRejected("What happened: write 10 to 1000 characters.");
            }
            try {
                clockService.explain(clockId(task.getExecution()), reason, words);
            } catch (RuleViolation e) {
                throw new TaskInputRejected(e.getMessage());
            }
        }
    }
}
