package org.supportplans.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** Opening or completing a task someone else completed a moment before: 404, and reload. */
class TaskGoneTest {

    private final EngineRestConfiguration.ConcurrentChangeMapper restMapper =
            new EngineRestConfiguration.ConcurrentChangeMapper();

    private final TaskGone.Mapper engineMapper = new TaskGone.Mapper();

    @Test
    void completingIt() {
        // what Camunda's TaskResourceImpl throws for POST /task/{id}/submit-form and /complete
        RestException gone = new RestException(
                Response.Status.INTERNAL_SERVER_ERROR,
                new NullValueException("Cannot find task with id 42: task is null"),
                "Cannot submit task form 42: Cannot find task with id 42: task is null");

        Response response = restMapper.toResponse(gone);

        assertThat(response.getStatus()).isEqualTo(404);
        // the engine's words name the task: an id that never existed is told as such too
        assertThat(response.getEntity().toString()).contains("Reload your tasks", "Cannot find task with id 42");
    }

    @Test
    void openingItsForm() {
        // GET /task/{id}/deployed-form: the engine's message, without the exception
        InvalidRequestException gone =
                new InvalidRequestException(Response.Status.BAD_REQUEST, "No task found for taskId '42': task is null");

        assertThat(restMapper.toResponse(gone).getStatus()).isEqualTo(404);
    }

    @Test
    void openingItsValues() {
        // GET /task/{id}/form-variables: the engine's exception itself
        BadUserRequestException gone = new BadUserRequestException("Cannot find task with id '42'.: task is null");

        assertThat(engineMapper.toResponse(gone).getStatus()).isEqualTo(404);
    }

    @Test
    void theEngineFailingToOpenTheFormOfATaskThatIsGoneSaysItIsNotFound() {
        TaskGone.FormOfAGoneTask interceptor = new TaskGone.FormOfAGoneTask();
        interceptor.setNext(new CommandExecutor() {
            @Override
            public <T> T execute(Command<T> command) {
                // what Camunda's AuthorizationCommandChecker.checkReadTask(null) throws
                throw new NullPointerException("Cannot invoke \"org.camunda.bpm.engine.impl.persistence.entity"
                        + ".TaskEntity.getId()\" because \"task\" is null");
            }
        });

        assertThatThrownBy(() -> interceptor.execute(new GetDeployedTaskFormCmd("42")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No task found for taskId");
    }

    @Test
    void anyOtherBadRequestIsAnsweredAsCamundaDoes() {
        assertThat(engineMapper
                        .toResponse(new BadUserRequestException("Unknown variable type 'Jsn'"))
                        .getStatus())
                .isEqualTo(400);
    }
}
