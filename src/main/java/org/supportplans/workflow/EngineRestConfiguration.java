package org.supportplans.workflow;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, and one answer more: two staff completing the same
 * task at the same moment. The engine lets one win and rolls the other back with an
 * {@link OptimisticLockingException} (or, when the winner's commit lands while the loser reads, cannot
 * rebuild the process instance), which the REST API would report as a server error (500); the one who
 * lost is told instead, with 409, to reload the task.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(ConcurrentChangeMapper.class);
        register(TaskGone.Mapper.class);
    }

    /** Preferred over Camunda's own mapper of {@link RestException}, which it calls for every other case. */
    @Provider
    @Priority(1)
    public static class ConcurrentChangeMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            if (TaskGone.in(exception)) {
                return TaskGone.answer();
            }
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof OptimisticLockingException || lostTheProcessInstance(cause)) {
                    return Response.status(Response.Status.CONFLICT)
                            .type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(
                                    Map.of(
                                            "type", "OptimisticLockingException",
                                            "message",
                                                    "Someone else completed or changed this task at the same moment. Reload it."))
                            .build();
                }
            }
            return camunda.toResponse(exception);
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
    }
}
