package org.supportplans.documents;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.supportplans.cases.CaseView;
import org.supportplans.cases.CaseView.MeetingView;
import org.supportplans.deadlines.DistrictCalendar;
import org.supportplans.deadlines.SchoolCalendars;
import org.supportplans.people.District;
import org.supportplans.people.Role;
import org.supportplans.people.SchoolRepository;
import org.supportplans.system.AsApplication;

/**
 * A document went out in English to a family whose language has no bundle: the coordinator of the case's
 * school gets the Tasklist task "Arrange a translation", due where the state sets a clock.
 */
@Component
class TranslationTasks {

    static final String TASK_NAME = "Arrange a translation";
    static final String CASE_ID = "caseId";

    private final TaskService tasks;
    private final AsApplication asApplication;
    private final SchoolRepository schools;
    private final SchoolCalendars calendars;

    TranslationTasks(
            TaskService tasks, AsApplication asApplication, SchoolRepository schools, SchoolCalendars calendars) {
        this.tasks = tasks;
        this.asApplication = asApplication;
        this.schools = schools;
        this.calendars = calendars;
    }

    void arrange(CaseView c, long documentId, DocumentKind kind, String familyLanguage, Map<String, Object> content) {
        // the service creates the task, not the staff member whose step produced the document (staff may not
        // create tasks: Tasklist's "Create task" is theirs to lack)
        asApplication.call(() -> create(c, documentId, kind, familyLanguage));
    }

    /**
     * One open task per case: a document produced while the coordinators' task is still open joins its list (and
     * its due date, when that comes earlier); once the task is done, the next document opens a new one.
     */
    private String create(CaseView c, long documentId, DocumentKind kind, String familyLanguage) {
        District district = schools.findById(c.school().id()).orElseThrow().getDistrict();
        Optional<Date> due = dueOn(district.getState(), kind, c, () -> calendars.calendarOf(district.getId()))
                .map(day -> Date.from(District.morningOf(day, district.getTimeZone())));
        // ids and codes only: no student's name leaves the case's own records
        String line = "\n- the " + kind.name().toLowerCase().replace('_', ' ') + " (document " + documentId + ")";
        Optional<Task> open =
                tasks.createTaskQuery().taskName(TASK_NAME).taskVariableValueEquals(CASE_ID, c.id()).list().stream()
                        .filter(task -> task.getDescription() == null
                                || task.getDescription().length() < 3500)
                        .findFirst();
        Task task = open.orElseGet(() -> {
            Task created = tasks.newTask();
            created.setName(TASK_NAME);
            created.setDescription("Have these documents of case " + c.id() + " translated into " + familyLanguage
                    + " by a qualified translator, and send them to the family:");
            created.setTenantId(c.school().id());
            return created;
        });
        task.setDescription(task.getDescription() + line);
        due.filter(day -> task.getDueDate() == null || day.before(task.getDueDate()))
                .ifPresent(task::setDueDate);
        tasks.saveTask(task);
        if (open.isEmpty()) {
            tasks.addCandidateGroup(task.getId(), Role.COORDINATOR.groupId());
            tasks.setVariableLocal(task.getId(), CASE_ID, c.id());
        }
        return task.getId();
    }

    /**
     * 23 Ill. Adm. Code 226.500(b): the IEP translated "within seven school days after the IEP meeting ... or
     * as soon as possible thereafter"; all other vital IEP documents "not more than 30 school days after the
     * IEP meeting". Other states set no clock here: no due date.
     */
    static Optional<LocalDate> dueOn(String state, DocumentKind kind, CaseView c, Supplier<DistrictCalendar> calendar) {
        if (!"IL".equals(state)) {
            return Optional.empty();
        }
        Optional<LocalDate> meeting = c.meetings().stream()
                .map(MeetingView::heldOn)
                .filter(day -> day != null)
                .max(LocalDate::compareTo);
        if (meeting.isEmpty()) {
            return Optional.empty();
        }
        int schoolDays = kind == DocumentKind.IEP ? 7 : 30;
        return nthSchoolDayAfter(calendar.get(), meeting.get(), schoolDays);
    }

    /** The n-th school day after {@code from} (not counted itself); empty where the calendar is not loaded. */
    static Optional<LocalDate> nthSchoolDayAfter(DistrictCalendar calendar, LocalDate from, int n) {
        // the first day by which n school days have passed since from
        for (LocalDate day = from.plusDays(1); day.isBefore(from.plusYears(1)); day = day.plusDays(1)) {
            Optional<Integer> counted = calendar.schoolDaysBetween(from, day);
            if (counted.isEmpty()) {
                return Optional.empty();
            }
            if (counted.get() == n) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
