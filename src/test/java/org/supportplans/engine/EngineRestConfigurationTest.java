package org.supportplans.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** The engine REST API's answer to a task completed by two people at once. */
class EngineRestConfigurationTest {

    private final EngineRestConfiguration.ConcurrentChangeMapper mapper =
            new EngineRestConfiguration.ConcurrentChangeMapper();

    @Test
    void theOneWhoLostTheRaceIsToldWithAConflict() {
        // what Camunda's TaskResourceImpl throws when the engine rolled the completion back
        RestException lost = new RestException(
                Response.Status.INTERNAL_SERVER_ERROR,
                new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction concurrently."),
                "Cannot submit task form 42");

        Response response = mapper.toResponse(lost);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getEntity().toString()).contains("Reload it");
    }

    @Test
    void aTaskReadWhileTheWinnerCommittedIsAConflictToo() {
        RestException lost = new RestException(
                Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException(
                        "Cannot restore state of process instance 966aa494: list of executions is empty"),
                "Cannot submit task form 42");

        assertThat(mapper.toResponse(lost).getStatus()).isEqualTo(409);
    }

    @Test
    void aTaskSomeoneElseClaimedAMomentAgoIsAConflict() {
        // what TaskService.claim throws through POST /engine-rest/task/{id}/claim, unwrapped
        Response response = new EngineRestConfiguration.OtherSchoolMapper()
                .toResponse(new TaskAlreadyClaimedException("42", "school-psychologist-2"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getEntity().toString()).contains("Someone else has just claimed this task");
    }

    @Test
    void everythingElseIsAnsweredAsCamundaDoes() {
        RestException invalid = new RestException(
                Response.Status.BAD_REQUEST,
                new ProcessEngineException("a form value is refused"),
                "Cannot submit task form 42");

        assertThat(mapper.toResponse(invalid).getStatus()).isEqualTo(400);
    }
}
