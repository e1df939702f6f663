package org.supportplans.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.intake.IntakeService;
import org.supportplans.intake.ReferralRequest;
import org.supportplans.people.DemoData;
import org.supportplans.people.DemoProperties;
import org.supportplans.people.SchoolTenants;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.StartupLock;

/**
 * The demo district at work on the first start of the embedded default: some 40 cases at every phase ({@link
 * DemoStories}), some on time, some late, some overdue, each with its history. They are made by the service's own
 * code as staff would make them: the referral through {@link IntakeService} (what {@code POST /api/referrals}
 * calls), each task through {@link FormService#submitTaskForm} (what Tasklist's "Complete" calls), signed in to the
 * engine as the role's demo user, on the day the story says, with the engine's clock (and so ours) set to that
 * day. The steps of all cases run in the order of their days, the engine's due jobs before each (as its job
 * executor would have run them that day), so reminders, overdue clocks and the coordinator's "Deadline missed:
 * record why" come as they would have.
 *
 * <p>Only where the demo district is loaded ({@link DemoProperties#seedOn}), only while the district has no case
 * (the first start), and not at all with {@code support-plans.demo.cases=false}. It runs before the application is
 * ready, when the engine's job executor has not started yet: nothing else moves the engine's clock meanwhile.
 */
@Component
@Order(10)
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    /** The hour of the district's day the demo staff work at. */
    private static final LocalTime WORKDAY = LocalTime.of(9, 0);
    // workflow's deadline-sweep process (SupportCaseProcess.DeadlineSweepProcess), named here to keep demo off workflow
    private static final String DEADLINE_SWEEP = "deadline-sweep";

    private final DemoProperties properties;
    private final DataSource dataSource;
    private final StartupLock startupLock;
    private final CaseDirectory directory;
    private final IntakeService intake;
    private final TaskService tasks;
    private final FormService forms;
    private final ManagementService management;
    private final IdentityService identity;
    private final SchoolTenants tenants;
    private final ObjectMapper json;
    private final Clock clock;

    DemoCases(
            DemoProperties properties,
            DataSource dataSource,
            StartupLock startupLock,
            CaseDirectory directory,
            IntakeService intake,
            TaskService tasks,
            FormService forms,
            ManagementService management,
            IdentityService identity,
            SchoolTenants tenants,
            ObjectMapper json,
            Clock clock) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.startupLock = startupLock;
        this.directory = directory;
        this.intake = intake;
        this.tasks = tasks;
        this.forms = forms;
        this.management = management;
        this.identity = identity;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String url = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getURL());
        if (!properties.cases() || !properties.seedOn(url)) {
            return;
        }
        startupLock.whileHolding(() -> {
            if (!directory.hasCases(DemoData.DISTRICT_ID)) {
                seed(DemoStories.load(json));
            }
        });
    }

    /** One student's case as a story tells it. */
    private record DemoCase(
            int number, DemoStories.Story story, LocalDate referredOn, String schoolId, List<String> name) {}

    /** A step of a case on a day: {@code step} -1 is the referral. */
    private record Event(LocalDate on, DemoCase demoCase, int step) {}

    void seed(DemoStories stories) {
        long started = System.nanoTime();
        ZoneId zone = ZoneId.of(DemoData.DISTRICT_ZONE);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Event> events = new ArrayList<>();
        int number = 0;
        for (DemoStories.Story story : stories.stories()) {
            for (int daysAgo : story.referredDaysAgo()) {
                DemoCase demoCase = new DemoCase(
                        number,
                        story,
                        today.minusDays(daysAgo),
                        DemoData.SCHOOL_IDS.get(number % DemoData.SCHOOL_IDS.size()),
                        stories.students().get(number % stories.students().size()));
                number++;
                events.add(new Event(demoCase.referredOn(), demoCase, -1));
                for (int step = 0; step < story.steps().size(); step++) {
                    LocalDate on = demoCase.referredOn()
                            .plusDays(story.steps().get(step).day());
                    if (!on.isAfter(today)) {
                        events.add(new Event(on, demoCase, step));
                    }
                }
            }
        }
        events.sort(Comparator.comparing(Event::on)
                .thenComparing(event -> event.demoCase().number())
                .thenComparing(Event::step));

        Map<DemoCase, String> caseIds = new LinkedHashMap<>();
        Set<DemoCase> stopped = new HashSet<>();
        Set<String> failedJobs = new HashSet<>();
        int steps = 0;
        try {
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                if (stopped.contains(event.demoCase())) {
                    continue;
                }
                // a second a step, in order, from the start of the demo staff's working day
                ClockUtil.setCurrentTime(Date.from(
                        event.on().atTime(WORKDAY).atZone(zone).toInstant().plusSeconds(i % 3600)));
                if (i == 0) {
                    sweepFromNow();
                }
                runDueJobs(failedJobs);
                try {
                    if (event.step() < 0) {
                        caseIds.put(event.demoCase(), refer(event.demoCase()));
                    } else {
                        DemoStories.Step step = event.demoCase().story().steps().get(event.step());
                        complete(caseIds.get(event.demoCase()), step, step.valuesOn(event.on()));
                    }
                    steps++;
                } catch (RuntimeException refused) {
                    // a story that no longer fits the case's path: its case stays where it got to (no student data)
                    stopped.add(event.demoCase());
                    log.warn(
                            "Demo case {} (story '{}') stopped at step {}: {}",
                            caseIds.get(event.demoCase()),
                            event.demoCase().story().id(),
                            event.step(),
                            refused.getMessage());
                }
            }
        } finally {
            ClockUtil.reset();
        }
        log.info(
                "Demo district: {} demo cases, {} steps, {} stopped early, in {} ms",
                caseIds.size(),
                steps,
                stopped.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private String refer(DemoCase demoCase) {
        DemoStories.Story story = demoCase.story();
        Map<String, Object> body = new LinkedHashMap<>(story.referral());
        body.put(
                "student",
                Map.of(
                        "localId", "DEMO-" + (1001 + demoCase.number()),
                        "firstName", demoCase.name().get(0),
                        "lastName", demoCase.name().get(1),
                        // the age at the referral, and a birthday spread over the year
                        "dateOfBirth",
                                demoCase.referredOn()
                                        .minusYears(story.ageYears())
                                        .minusDays(37L * demoCase.number() % 365)
                                        .toString()));
        body.put("schoolId", demoCase.schoolId());
        body.put("receivedOn", demoCase.referredOn().toString());
        ReferralRequest request = json.convertValue(body, ReferralRequest.class);
        String coordinator = "coordinator";
        signIn(coordinator);
        try {
            return intake.refer(request, new CurrentStaff(coordinator, List.of(coordinator)))
                    .caseId();
        } finally {
            identity.clearAuthentication();
        }
    }

    private void complete(String caseId, DemoStories.Step step, Map<String, Object> values) {
        signIn(step.as());
        try {
            List<Task> open = tasks.createTaskQuery()
                    .processInstanceBusinessKey(caseId)
                    .taskDefinitionKey(step.task())
                    .taskCandidateGroup(step.as())
                    .list();
            if (open.isEmpty()) {
                throw new IllegalStateException("no open task " + step.task() + " for " + step.as());
            }
            forms.submitTaskForm(open.get(0).getId(), typed(values));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** What the job executor would have done by now: continuations after a step, timers fallen due. */
    /**
     * The morning deadline sweep's hourly timer due at the first day of the stories: each later day's first step
     * finds it due, so each day of the stories is swept as the service would have (warnings, clocks found overdue
     * and the coordinator asked why, the digests); after the last, back in the present, the job executor sweeps
     * today.
     */
    private void sweepFromNow() {
        Job sweep = management
                .createJobQuery()
                .processDefinitionKey(DEADLINE_SWEEP)
                .timers()
                .singleResult();
        if (sweep != null) {
            management.setJobDuedate(sweep.getId(), ClockUtil.getCurrentTime());
        }
    }

    private void runDueJobs(Set<String> failed) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = management.createJobQuery().executable().active().list().stream()
                    .filter(job -> !failed.contains(job.getId()))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (OptimisticLockingException alreadyDone) {
                    // done meanwhile by another path of the same case
                } catch (ProcessEngineException e) {
                    // left to the job executor's retries and, if it keeps failing, an incident in Cockpit
                    failed.add(job.getId());
                    log.warn("Demo cases: job {} failed: {}", job.getId(), e.getMessage());
                }
            }
        }
    }

    /**
     * Signed in as the role's demo user, in the role's group, with the demo schools as tenants, as the web apps sign
     * a user in.
     */
    private void signIn(String userId) {
        identity.setAuthentication(userId, List.of(userId), tenants.tenantIdsOf(userId, List.of(userId)));
    }

    /** Checklists and dynamic lists arrive as JSON variables, as Camunda Forms submit them. */
    private VariableMap typed(Map<String, Object> values) {
        VariableMap variables = Variables.createVariables();
        values.forEach((name, value) ->
                variables.put(name, value instanceof List<?> || value instanceof Map<?, ?> ? jsonValue(value) : value));
        return variables;
    }

    private Object jsonValue(Object value) {
        try {
            return SpinValues.jsonValue(json.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
