package org.supportplans.deadlines;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.supportplans.people.Role;
import org.supportplans.system.AsApplication;

/**
 * While a clock's count needs a school calendar that is not loaded (its due date provisional), the district's
 * administrators have a Tasklist task "Load the 2027-2028 school calendar" (one per district and school year, in
 * the tenant of the school whose clock asked first); loading that calendar completes it.
 */
@Component
class CalendarRequests {

    static final String DISTRICT_VARIABLE = "calendarDistrictId";
    static final String SCHOOL_YEAR_VARIABLE = "calendarSchoolYear";

    private final TaskService tasks;
    private final AsApplication asApplication;

    CalendarRequests(TaskService tasks, AsApplication asApplication) {
        this.tasks = tasks;
        this.asApplication = asApplication;
    }

    /** Asks the district's administrators for the calendar, unless a request for it is open already. */
    void request(String districtId, String schoolId, String schoolYear, LocalDate neededBy, ZoneId zone) {
        asApplication.call(() -> {
            if (!open(districtId, schoolYear).isEmpty()) {
                return null;
            }
            Task task = tasks.newTask();
            task.setName("Load the " + schoolYear + " school calendar");
            task.setDescription("A compliance clock counts school days in " + schoolYear + ", whose calendar is not"
                    + " loaded: its due date is provisional, counted as if school were held on every weekday. Load"
                    + " the calendar (PUT /api/districts/" + districtId + "/calendars/" + schoolYear + ", as JSON or"
                    + " an iCalendar file) and the due dates are counted again; this task then closes itself.");
            task.setDueDate(Date.from(neededBy.atStartOfDay(zone).toInstant()));
            task.setTenantId(schoolId);
            tasks.saveTask(task);
            tasks.addCandidateGroup(task.getId(), Role.DISTRICT_ADMIN.groupId());
            tasks.setVariablesLocal(
                    task.getId(), Map.of(DISTRICT_VARIABLE, districtId, SCHOOL_YEAR_VARIABLE, schoolYear));
            return null;
        });
    }

    /** The calendar is loaded: its request is done. */
    @EventListener
    void calendarLoaded(CalendarChanged changed) {
        asApplication.call(() -> {
            open(changed.districtId(), changed.schoolYear()).forEach(task -> tasks.complete(task.getId()));
            return null;
        });
    }

    private List<Task> open(String districtId, String schoolYear) {
        return tasks.createTaskQuery()
                .taskVariableValueEquals(DISTRICT_VARIABLE, districtId)
                .taskVariableValueEquals(SCHOOL_YEAR_VARIABLE, schoolYear)
                .list();
    }
}
