package org.supportplans.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * A task that is no longer open when someone opens or completes it: another staff member completed it a
 * moment before, or the case moved on. The engine says so in words only ("Cannot find task with id …",
 * "No task found for taskId …"), and the REST API answers 400 (opening the form) or 500 (completing);
 * the person is told 404 instead, and to reload their tasks. Opening the form of a task that is gone
 * even fails inside the engine (see {@link FormOfAGoneTask}).
 */
final class TaskGone {

    static final String MESSAGE =
            "This task is no longer open: someone else completed it a moment ago, the case moved on, or there is no such"
                    + " task. Reload your tasks.";

    private TaskGone() {}

    static boolean in(Throwable exception) {
        return engineMessage(exception) != null;
    }

    /** The engine's words for the task it did not find (they name its id), or null if that is not the failure. */
    private static String engineMessage(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null
                    && (message.contains("Cannot find task with id") || message.contains("No task found for taskId"))) {
                return message;
            }
        }
        return null;
    }

    /** 404, with the engine's words after ours: they name the task, which may never have existed. */
    static Response answer(Throwable exception) {
        String engine = engineMessage(exception);
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of(
                        "type",
                        "InvalidRequestException",
                        "message",
                        engine == null ? MESSAGE : MESSAGE + " (" + engine + ")"))
                .build();
    }

    /**
     * Opening a task's form values ({@code GET /task/{id}/form-variables}) lets the engine's exception
     * through; preferred over Camunda's own mapper, which answers everything else.
     */
    @Provider
    @Priority(1)
    public static class Mapper implements ExceptionMapper<BadUserRequestException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(BadUserRequestException exception) {
            return EngineRestConfiguration.knownFailure(exception).orElseGet(() -> camunda.toResponse(exception));
        }
    }

    /**
     * Camunda 7.24 checks the permission to read a task before it looks whether the task exists
     * ({@code GetDeployedTaskFormCmd}): with authorization on, opening the form of a task that is gone fails
     * with a {@link NullPointerException} (500). It is told as a task not found. Installed by {@link
     * CommandInterceptors}.
     */
    static class FormOfAGoneTask extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (!(command instanceof GetDeployedTaskFormCmd)) {
                return next.execute(command);
            }
            try {
                return next.execute(command);
            } catch (NullPointerException e) {
                if (e.getMessage() != null && e.getMessage().contains("TaskEntity")) {
                    throw new NotFoundException("No task found for taskId: the task is no longer open", e);
                }
                throw e;
            }
        }
    }
}
