package org.supportplans.engine;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, and two answers more.
 *
 * <p>A task or process instance of a school the caller does not work at (another Camunda tenant, see
 * {@link CaseTenants}): queries do not list it and reading it by id answers 404, but claiming, completing
 * or changing it by id makes the engine refuse with a plain {@link ProcessEngineException}, which the REST
 * API would report as a server error (500). It answers 404 instead, as for an unknown id, without
 * revealing that the record exists.
 *
 * <p>A task id that does not exist (any more): the engine reports it as a server error (500); it is the
 * caller's, 404. A body that is not JSON: Jersey would answer 400 with an empty body; the person is told.
 *
 * <p>Two staff completing the same
 * task at the same moment. The engine lets one win and rolls the other back with an
 * {@link OptimisticLockingException} (or, when the winner's commit lands while the loser reads, cannot
 * rebuild the process instance), which the REST API would report as a server error (500); the one who
 * lost is told instead, with 409, to reload the task. Two staff claiming the same task: the engine refuses the
 * second with a {@link TaskAlreadyClaimedException}, a server error (500, and a stack trace in the log) for the REST
 * API; the second is told with 409 too.
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(ConcurrentChangeMapper.class);
        register(OtherSchoolMapper.class);
        register(MalformedJsonMapper.class);
        register(TaskGone.Mapper.class);
    }

    static final String NOT_FOUND_MESSAGE = "Not found: no such task or process at the schools you work at.";

    /** The engine's refusal to act on a record of a tenant the caller is not a member of (ENGINE-03034). */
    static boolean otherTenant(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProcessEngineException
                    && cause.getMessage() != null
                    && cause.getMessage().contains("because it belongs to no authenticated tenant")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Our answer to an engine failure the REST API would misreport (another school's record, a task that is gone,
     * a race lost to a colleague), or empty to leave the failure to Camunda's own handler. Every mapper below asks
     * it, whichever type of exception the REST API lets through.
     */
    static Optional<Response> knownFailure(Throwable exception) {
        if (otherTenant(exception)) {
            return Optional.of(notFound());
        }
        if (TaskGone.in(exception)) {
            return Optional.of(TaskGone.answer(exception));
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskAlreadyClaimedException) {
                return Optional.of(answer(
                        Response.Status.CONFLICT,
                        "TaskAlreadyClaimedException",
                        "Someone else has just claimed this task. Reload your tasks."));
            }
            if (cause instanceof OptimisticLockingException || lostTheProcessInstance(cause)) {
                return Optional.of(answer(
                        Response.Status.CONFLICT,
                        "OptimisticLockingException",
                        "Someone else completed or changed this task at the same moment. Reload it."));
            }
        }
        return Optional.empty();
    }

    /**
     * The other way the race is lost: the task was read while the winner's commit removed its process
     * instance's executions, and the engine cannot rebuild the instance (it says so in words only).
     */
    private static boolean lostTheProcessInstance(Throwable cause) {
        return cause instanceof ProcessEngineException
                && cause.getMessage() != null
                && cause.getMessage().contains("Cannot restore state of process instance");
    }

    static Response notFound() {
        return answer(Response.Status.NOT_FOUND, "InvalidRequestException", NOT_FOUND_MESSAGE);
    }

    private static Response answer(Response.Status status, String type, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type, "message", message))
                .build();
    }

    /** A body that is not JSON: in Camunda's error format, the person is told what is wrong. */
    @Provider
    @Priority(1)
    public static class MalformedJsonMapper implements ExceptionMapper<JsonParseException> {

        @Override
        public Response toResponse(JsonParseException exception) {
            return answer(
                    Response.Status.BAD_REQUEST,
                    "InvalidRequestException",
                    "The request body is not valid JSON: " + exception.getOriginalMessage());
        }
    }

    /**
     * Preferred over Camunda's own mapper of {@link ProcessEngineException} (claim, unclaim, assign, ...
     * let the engine's exception through unwrapped).
     */
    @Provider
    @Priority(1)
    public static class OtherSchoolMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return knownFailure(exception).orElseGet(() -> camunda.toResponse(exception));
        }
    }

    /** Preferred over Camunda's own mapper of {@link RestException}, which it calls for every other case. */
    @Provider
    @Priority(1)
    public static class ConcurrentChangeMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            return knownFailure(exception).orElseGet(() -> camunda.toResponse(exception));
        }
    }
}
