package org.supportplans.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.deadlines.DeadlineSweeps;
import org.supportplans.deadlines.DeadlineSweeps.DistrictSweep;
import org.supportplans.deadlines.DeadlineSweeps.Finding;
import org.supportplans.deadlines.DeadlineSweeps.SweptClock;
import org.supportplans.deadlines.DeadlineSweeps.UnsentDigest;
import org.supportplans.retention.RecordsRetention;

/**
 * "Sweep the districts whose morning has come" ({@code deadline-sweep}, run by its hourly timer on one node):
 * for each district claimed for today, its clocks' warnings of the day and the clocks found overdue (each opens the
 * coordinator's "Deadline missed: record why"), and one digest per staff member who holds a step of those cases:
 * the assignee of each open task, or the school's staff in its candidate groups (the coordinators, for a clock
 * found overdue). Each district is swept in a transaction of its own that records its digests; they are mailed
 * after it commits, when a mail server is configured ({@code spring.mail.host}), and marked sent, so that a retried
 * sweep never mails a day's digest twice and a mail server down is tried again the next hour. A digest names no
 * student, and the log counts only.
 */
@Component("deadlineSweep")
class DeadlineSweep implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

    private final DeadlineSweeps sweeps;
    private final ClockTasks clockTasks;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final CaseDirectory cases;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final String baseUrl;
    private final ProcessEngine processEngine;
    private final TransactionTemplate mailTransaction;
    private final RecordsRetention retention;
    private final RecordsDestructionSteps.Opener recordsReview;

    DeadlineSweep(
            DeadlineSweeps sweeps,
            ClockTasks clockTasks,
            TaskService taskService,
            IdentityService identityService,
            CaseDirectory cases,
            ObjectProvider<JavaMailSender> mailSender,
            @Value("${support-plans.base-url:http://localhost:8080}") String baseUrl,
            ProcessEngine processEngine,
            PlatformTransactionManager transactionManager,
            RecordsRetention retention,
            RecordsDestructionSteps.Opener recordsReview) {
        this.sweeps = sweeps;
        this.clockTasks = clockTasks;
        this.taskService = taskService;
        this.identityService = identityService;
        this.cases = cases;
        this.mailSender = mailSender;
        this.baseUrl = baseUrl;
        this.processEngine = processEngine;
        this.mailTransaction = new TransactionTemplate(transactionManager);
        this.mailTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.retention = retention;
        this.recordsReview = recordsReview;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int districts = 0;
        for (DistrictSweep sweep : sweeps.due()) {
            if (sweepDistrict(sweep)) {
                districts++;
            }
        }
        mailDigests();
        execution.setVariable("districtsSwept", districts);
    }

    /**
     * A district's sweep of its day in a transaction of its own (the engine's and ours: the claim, the clocks, the
     * coordinator's "record why" instances and the digests' records), then, once it has committed, its digests
     * mailed. False when the day was claimed already or the sweep failed: the claim rolled back with the rest, the
     * next hourly run sweeps the district again, and no mail went out.
     */
    boolean sweepDistrict(DistrictSweep sweep) {
        boolean swept;
        try {
            swept = Boolean.TRUE.equals(ownTransaction().execute(commandContext -> sweepInTransaction(sweep)));
        } catch (RuntimeException e) {
            log.warn(
                    "Deadline sweep of district {} on {} failed, tried again next hour: {}",
                    sweep.districtId(),
                    sweep.day(),
                    e.getClass().getName());
            return false;
        }
        mailDigests();
        return swept;
    }

    private boolean sweepInTransaction(DistrictSweep sweep) {
        if (!sweeps.claim(sweep)) {
            return false;
        }
        List<SweptClock> found = sweeps.sweep(sweep);
        int askedWhy = 0;
        for (SweptClock item : found) {
            if (item.finding() == Finding.OVERDUE && clockTasks.openLateReasonTask(item.clock())) {
                askedWhy++;
            }
        }
        Map<String, User> staff = new HashMap<>();
        Map<String, List<SweptClock>> digests = new LinkedHashMap<>();
        Map<String, Set<String>> recipientsOfCase = new HashMap<>();
        for (SweptClock item : found) {
            Set<String> recipients =
                    recipientsOfCase.computeIfAbsent(item.clock().caseId(), caseId -> recipients(caseId, staff));
            for (String staffId : recipients) {
                digests.computeIfAbsent(staffId, id -> new ArrayList<>()).add(item);
            }
        }
        boolean mailServer = mailSender.getIfAvailable() != null;
        int byMail = 0;
        for (Map.Entry<String, List<SweptClock>> digest : digests.entrySet()) {
            String email = staff.get(digest.getKey()).getEmail();
            boolean send = mailServer && email != null && !email.isBlank();
            if (send) {
                byMail++;
            }
            sweeps.recordDigest(digest.getKey(), sweep, digest.getValue(), send);
        }
        long overdue =
                found.stream().filter(item -> item.finding() == Finding.OVERDUE).count();
        log.info(
                "Deadline sweep of district {} on {}: {} warnings, {} overdue ({} asked why), {} digests, {} to mail",
                sweep.districtId(),
                sweep.day(),
                found.size() - overdue,
                overdue,
                askedWhy,
                digests.size(),
                byMail);
        // once a year, from 1 July: the district's records past retention, for its administrator to confirm
        retention.reviewIfDue(sweep.districtId(), sweep.day()).ifPresent(recordsReview::open);
        return true;
    }

    /**
     * Mails the digests recorded to be mailed and not mailed yet (those of the sweeps that just committed, and those
     * a mail server down left), each in a transaction of its own that marks it sent: a digest is mailed once; a mail
     * server down leaves it, and the rest, to the next hourly run. Answers how many were mailed.
     */
    int mailDigests() {
        JavaMailSender mail = mailSender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        int mailed = 0;
        for (UnsentDigest digest : sweeps.unsent()) {
            User user =
                    identityService.createUserQuery().userId(digest.staffId()).singleResult();
            if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
                continue;
            }
            try {
                if (Boolean.TRUE.equals(mailTransaction.execute(status -> {
                    if (!sweeps.markSent(digest.id())) {
                        return false;
                    }
                    mail.send(message(user.getEmail(), digest.sweep(), digest.listed(), baseUrl));
                    return true;
                }))) {
                    mailed++;
                }
            } catch (RuntimeException e) {
                // the mail server down (a MailException), or anything else: the sweep itself is done, the
                // digests wait for the next hourly run
                log.warn(
                        "Deadline digests: mail server unavailable ({}), {} mailed, the rest tried again next hour",
                        e.getClass().getSimpleName(),
                        mailed);
                return mailed;
            }
        }
        if (mailed > 0) {
            log.info("Deadline digests mailed: {}", mailed);
        }
        return mailed;
    }

    private CommandExecutor ownTransaction() {
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequiresNew();
    }

    /** Who holds a step of the case: each open task's assignee, or the school's staff in its candidate groups. */
    private Set<String> recipients(String caseId, Map<String, User> staff) {
        Set<String> schoolStaff = cases.staffOf(caseId);
        Set<String> recipients = new LinkedHashSet<>();
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .active()
                .list()) {
            if (task.getAssignee() != null) {
                User assignee = staff.computeIfAbsent(
                        task.getAssignee(),
                        id -> identityService.createUserQuery().userId(id).singleResult());
                if (assignee != null) {
                    recipients.add(assignee.getId());
                }
                continue;
            }
            taskService.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .flatMap(link -> identityService.createUserQuery().memberOfGroup(link.getGroupId()).list().stream())
                    .filter(user -> schoolStaff.contains(user.getId()))
                    .forEach(user -> {
                        staff.putIfAbsent(user.getId(), user);
                        recipients.add(user.getId());
                    });
        }
        return recipients;
    }

    /** A staff member's digest of the day: the clocks' dates, kinds, rules and case links; no student's name. */
    static SimpleMailMessage message(String to, DistrictSweep sweep, List<SweptClock> listed, String baseUrl) {
        long overdue = listed.stream()
                .filter(item -> item.finding() == Finding.OVERDUE)
                .count();
        StringBuilder text = new StringBuilder("Deadlines of the cases you work on, " + sweep.day() + ":\n\n");
        for (SweptClock item : listed) {
            text.append(item.finding() == Finding.OVERDUE ? "- Overdue (was due " : "- Due ")
                    .append(item.clock().due())
                    .append(item.finding() == Finding.OVERDUE ? "): " : ": ")
                    .append(item.clock().kind().label())
                    .append(" (")
                    .append(item.clock().ruleText())
                    .append(")\n  ")
                    .append(baseUrl)
                    .append("/api/cases/")
                    .append(item.clock().caseId())
                    .append('\n');
        }
        text.append("\nSign in to open a case; your tasks are in Tasklist: ")
                .append(baseUrl)
                .append("/camunda/app/tasklist/\n");
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(to);
        message.setSubject(
                "Deadlines " + sweep.day() + ": " + (listed.size() - overdue) + " due soon, " + overdue + " overdue");
        message.setText(text.toString());
        return message;
    }
}
