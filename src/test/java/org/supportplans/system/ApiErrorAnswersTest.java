package org.supportplans.system;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.supportplans.intake.IntakeService;

/**
 * The API's answers to requests it cannot take, as RFC 9457 problem+json with a message a person understands,
 * and nothing done: Spring MVC alone (a web slice, no engine, no database) with the referral endpoint, our
 * exception handlers and the request body limit, the intake service a mock that must not be called.
 */
@WebMvcTest(
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = {
                            "org\\.supportplans\\.intake\\.ReferralController",
                            "org\\.supportplans\\.system\\.(ApiExceptionHandler|RequestMismatchHandler|RequestBodyLimit)"
                        }))
@WithMockUser(username = "coordinator")
class ApiErrorAnswersTest {

    static final String REFERRAL = """
            {"student": {"localId": "S-1", "firstName": "Maya", "lastName": "Lopez", "dateOfBirth": "2016-04-02"},
             "schoolId": "lincoln-elementary", "receivedOn": "2026-09-01",
             "referredBy": {"role": "PARENT", "name": "Ana Lopez"}, "concerns": [%s],
             "parentRequestedEvaluation": true, "reason": "Reading two years below grade level."}
            """;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IntakeService intake;

    @AfterEach
    void nothingDone() {
        verifyNoInteractions(intake);
    }

    @Test
    void aValueOfTheWrongKindIs400AndNamesTheFieldAndTheValuesItTakes() throws Exception {
        mvc.perform(post("/api/referrals")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REFERRAL.formatted("\"SLEEPY\"")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unreadable request"))
                .andExpect(jsonPath("$.detail").value(containsString("concerns[0]")))
                .andExpect(jsonPath("$.detail").value(containsString("ACADEMIC")));
    }

    @Test
    void aMissingValueIs400AndNamesTheField() throws Exception {
        mvc.perform(post("/api/referrals")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REFERRAL.formatted("").replace("\"schoolId\": \"lincoln-elementary\", ", "")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.detail").value(containsString("schoolId")))
                .andExpect(jsonPath("$.detail").value(containsString("concerns")));
    }

    @Test
    void aPathThatDoesNotExistIs404() throws Exception {
        mvc.perform(get("/api/no-such-thing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("There is nothing at /api/no-such-thing")));
    }

    @Test
    void aWrongMethodIs405AndSaysWhichOneToUse() throws Exception {
        mvc.perform(put("/api/referrals")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REFERRAL.formatted("\"ACADEMIC\"")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Allow", "POST"))
                .andExpect(jsonPath("$.detail").value("PUT is not allowed here; use POST."));
    }

    @Test
    void anAnswerOfATypeTheApiDoesNotGiveIs406() throws Exception {
        mvc.perform(post("/api/referrals")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_XML)
                        .content(REFERRAL.formatted("\"ACADEMIC\"")))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("application/json")));
    }

    @Test
    void aBodyOfATypeTheApiDoesNotTakeIs415() throws Exception {
        mvc.perform(post("/api/referrals")
                        .with(csrf())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("Reading below grade level."))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("send application/json")));
    }

    @Test
    void aBodyOverTwoMegabytesIs413() throws Exception {
        mvc.perform(post("/api/referrals")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(new byte[RequestBodyLimit.MAX_BYTES + 1]))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Request too large"));
    }
}
