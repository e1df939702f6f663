package org.supportplans.family;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A failure on the family's page gets a plain page in the family's language that says what to do: no stack, no
 * exception, nothing of the case, and the API keeps its own problem+json.
 */
@ExtendWith(OutputCaptureExtension.class)
class FamilyProblemsTest {

    private final FamilyProblems problems = new FamilyProblems(new FamilyPages());

    @Test
    void aFailureOnOurSideIsAPlainPageThatSaysWhatToDo(CapturedOutput output) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/family/i/s3cr3t-t0ken/code");
        MockHttpServletResponse response = new MockHttpServletResponse();

        var handled = problems.resolveException(
                request, response, null, new IllegalStateException("Maya Lopez 2016-04-02 broke it"));

        assertThat(handled).isNotNull();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString())
                .contains("<html lang=\"en\"", "Something went wrong on our side", "try again")
                .contains("call or write to your child&#39;s school")
                .doesNotContain("Maya", "IllegalStateException", "at org.", "s3cr3t");
        // logged without the exception's message or the link's token
        assertThat(output.getAll())
                .contains("A family page failed: POST /family/i/{token}/code: java.lang.IllegalStateException")
                .doesNotContain("Maya", "2016-04-02", "s3cr3t");
    }

    @Test
    void aPathThatDoesNotExistIsAPlainPageInTheFamilysLanguage() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/family/nothing-here");
        request.setCookies(new Cookie(FamilyPageController.LANGUAGE_COOKIE, "es"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.resolveException(
                request, response, null, new NoResourceFoundException(HttpMethod.GET, "family/nothing-here"));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString())
                .contains("<html lang=\"es\"", "No encontramos esta página", "Abra otra vez el enlace")
                // the language switch names no path of the parent's
                .contains("/family/problem/notFound?lang=en");
    }

    @Test
    void aFormSentWithoutItsTokenSaysThePageWasOpenTooLong() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/family/request/confirm");
        request.addHeader("Accept-Language", "es-MX");
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.handle(
                request,
                response,
                new InvalidCsrfTokenException(new DefaultCsrfToken("X-CSRF", "_csrf", "expected"), "sent"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString())
                .contains("Esta página estuvo abierta demasiado tiempo", "no enviamos lo que usted escribió");
    }

    @Test
    void theApiKeepsItsOwnAnswers() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases/x");
        assertThat(problems.resolveException(request, new MockHttpServletResponse(), null, new IllegalStateException()))
                .isNull();
        assertThat(problems.resolveException(
                        new MockHttpServletRequest("GET", "/familyx"),
                        new MockHttpServletResponse(),
                        null,
                        new IllegalStateException()))
                .isNull();
    }
}
