package org.supportplans.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A broken rule, an answer the case is not waiting for and a change lost to someone else's, as the API tells
 * them: thrown by our code directly or wrapped by the engine's call of it.
 */
@WebMvcTest(
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.supportplans\\.system\\.ApiExceptionHandler"))
@Import(RuleAnswersTest.Failing.class)
@WithMockUser(username = "coordinator")
class RuleAnswersTest {

    @Autowired
    MockMvc mvc;

    @RestController
    static class Failing {

        @GetMapping("/api/test/rule")
        void rule() {
            throw new RuleViolation("The referral date 2030-01-01 is in the future.");
        }

        @GetMapping("/api/test/rule-in-a-delegate")
        void ruleInADelegate() {
            throw new ProcessEngineException(
                    "ENGINE-03051 There was an exception while invoking the TaskListener.",
                    new RuleViolation("The meeting date is before the notice."));
        }

        @GetMapping("/api/test/not-now")
        void notNow() {
            throw new NotExpectedNow("The case is not waiting for the parents' consent to the initial evaluation.");
        }

        @GetMapping("/api/test/lost-race")
        void lostRace() {
            throw new OptimisticLockingFailureException("row was updated by another transaction");
        }
    }

    private ResultActions problem(String path, int status, String title) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value(title));
    }

    @Test
    void aBrokenRuleIs400AndSaysWhatToCorrect() throws Exception {
        problem("/api/test/rule", 400, "Not accepted")
                .andExpect(jsonPath("$.detail").value("The referral date 2030-01-01 is in the future."));
    }

    @Test
    void aBrokenRuleInsideAnEngineCallIsTheSameAnswer() throws Exception {
        problem("/api/test/rule-in-a-delegate", 400, "Not accepted")
                .andExpect(jsonPath("$.detail").value("The meeting date is before the notice."));
    }

    @Test
    void anAnswerNothingWaitsForIs409() throws Exception {
        problem("/api/test/not-now", 409, "Not expected now")
                .andExpect(jsonPath("$.detail")
                        .value("The case is not waiting for the parents' consent to the initial evaluation."));
    }

    @Test
    void aChangeLostToAnotherAtTheSameMomentIs409() throws Exception {
        problem("/api/test/lost-race", 409, "Changed meanwhile")
                .andExpect(jsonPath("$.detail")
                        .value("Someone else changed this case at the same moment. Reload it and try again."));
    }
}
