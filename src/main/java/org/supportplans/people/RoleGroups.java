package org.supportplans.people;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.supportplans.system.StartupLock;

/**
 * Makes sure, at every start and on every database, that each {@link Role} exists as a Camunda
 * group with the authorizations its members need, and that Tasklist offers everybody the task
 * filters they work from. Idempotent: existing groups, grants and filters are kept (filters of an earlier
 * version renamed).
 *
 * <p>Task-level access comes from the engine itself: a candidate group of a user task is granted
 * READ and UPDATE on that task when the task is created.
 */
@Component
@Order(1)
public class RoleGroups implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RoleGroups.class);

    /** Tasklist's filters, in the order it lists them (by their "priority"), each with the name it had before. */
    static final String DUE_THIS_WEEK_FILTER = "Due this week";

    static final String ASSIGNED_TO_ME_FILTER = "Assigned to me";
    static final String MY_SCHOOL_FILTER = "My school's open tasks";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final StartupLock startupLock;

    public RoleGroups(
            IdentityService identityService,
            AuthorizationService authorizationService,
            FilterService filterService,
            TaskService taskService,
            StartupLock startupLock) {
        this.startupLock = startupLock;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        // nodes of a cluster starting together would both find a group missing and both insert it
        startupLock.whileHolding(this::ensureAll);
    }

    private void ensureAll() {
        for (Role role : Role.values()) {
            ensureGroup(role);
            grants(role).forEach((resource, permissions) -> grant(role.groupId(), resource, ANY, permissions));
            grant(role.groupId(), Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS));
            if (role.overseesCases()) {
                grant(role.groupId(), Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS));
            }
        }
        // mine or my groups', due within seven days or overdue (a task's due date is its clock's)
        ensureFilter(
                DUE_THIS_WEEK_FILTER,
                null,
                -20,
                taskQuery()
                        .or()
                        .taskAssigneeExpression("${currentUser()}")
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .endOr()
                        .dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
        ensureFilter(ASSIGNED_TO_ME_FILTER, "My tasks", -10, taskQuery().taskAssigneeExpression("${currentUser()}"));
        // the engine shows a user the tasks of their schools only (school tenants), so a role's open tasks
        // are their school's
        ensureFilter(
                MY_SCHOOL_FILTER,
                "My groups' open tasks",
                0,
                taskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .taskUnassigned());
        log.info("Role groups and their authorizations are in place ({} roles)", Role.values().length);
    }

    /** What a role may do beyond its own tasks, on any resource of the kind. */
    static Map<Resource, List<Permission>> grants(Role role) {
        if (role.coordinatesCases()) {
            return Map.of(
                    Resources.FILTER, List.of(Permissions.READ),
                    Resources.PROCESS_DEFINITION,
                            List.of(
                                    ProcessDefinitionPermissions.READ,
                                    ProcessDefinitionPermissions.CREATE_INSTANCE,
                                    ProcessDefinitionPermissions.READ_INSTANCE,
                                    ProcessDefinitionPermissions.READ_HISTORY,
                                    ProcessDefinitionPermissions.READ_TASK),
                    Resources.PROCESS_INSTANCE,
                            List.of(
                                    ProcessInstancePermissions.CREATE,
                                    ProcessInstancePermissions.READ,
                                    ProcessInstancePermissions.UPDATE),
                    Resources.TASK, List.of(TaskPermissions.READ, TaskPermissions.TASK_ASSIGN));
        }
        if (role.overseesCases()) {
            return Map.of(
                    Resources.FILTER, List.of(Permissions.READ),
                    Resources.PROCESS_DEFINITION,
                            List.of(
                                    ProcessDefinitionPermissions.READ,
                                    ProcessDefinitionPermissions.READ_INSTANCE,
                                    ProcessDefinitionPermissions.READ_HISTORY,
                                    ProcessDefinitionPermissions.READ_TASK),
                    Resources.PROCESS_INSTANCE, List.of(ProcessInstancePermissions.READ),
                    Resources.TASK, List.of(TaskPermissions.READ));
        }
        return Map.of(
                Resources.FILTER, List.of(Permissions.READ),
                Resources.PROCESS_DEFINITION, List.of(ProcessDefinitionPermissions.READ));
    }

    private void ensureGroup(Role role) {
        if (identityService.createGroupQuery().groupId(role.groupId()).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(role.groupId());
        group.setName(role.displayName());
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
    }

    private void grant(String groupId, Resource resource, String resourceId, List<? extends Permission> permissions) {
        Authorization authorization = authorizationService
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (permissions.stream().allMatch(authorization::isPermissionGranted)) {
            return;
        }
        permissions.forEach(authorization::addPermission);
        authorizationService.saveAuthorization(authorization);
    }

    private TaskQuery taskQuery() {
        return taskService.createTaskQuery();
    }

    /**
     * A filter of ours as it should be, sorted by due date: created, renamed from its former name (keeping its id
     * and the grants on it), or left as it is.
     */
    private void ensureFilter(String name, String formerName, int priority, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter != null) {
            return;
        }
        if (formerName != null) {
            filter = filterService.createFilterQuery().filterName(formerName).singleResult();
        }
        if (filter == null) {
            filter = filterService.newTaskFilter(name);
        }
        filter.setName(name);
        filter.setQuery(query.orderByDueDate().asc());
        filter.setProperties(Map.of("priority", priority, "description", name, "refresh", true));
        filterService.saveFilter(filter);
    }
}
