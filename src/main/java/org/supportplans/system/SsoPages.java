package org.supportplans.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The page for a person the district's identity provider signed in but the roster does not know, and the sign-out
 * address Tasklist leads to (with single sign-on, Spring Security ends the session there and at the provider first).
 */
@RestController
class SsoPages {

    private final SsoProperties properties;
    private final boolean enabled;

    SsoPages(SsoProperties properties, org.springframework.beans.factory.ObjectProvider<SingleSignOn> sso) {
        this.properties = properties;
        this.enabled = sso.getIfAvailable() != null;
    }

    /** Whether staff sign in with the district's provider: the dashboard then offers it. */
    @GetMapping(path = SingleSignOn.STATUS, produces = MediaType.APPLICATION_JSON_VALUE)
    java.util.Map<String, Boolean> status() {
        return java.util.Map.of("enabled", enabled);
    }

    /**
     * The dashboard's "Sign in with your district account": signed in by the provider, back to the dashboard (or to
     * its page "Log a session", {@code ?page=sessions}).
     */
    @GetMapping(SingleSignOn.DASHBOARD)
    ResponseEntity<Void> dashboard(@RequestParam(name = "page", required = false) String page) {
        String back = "sessions".equals(page) ? "/dashboard/sessions" : "/dashboard/";
        return ResponseEntity.status(302).header("Location", back).build();
    }

    /**
     * The CSRF token of the session the district's provider signed the caller in with: the dashboard's pages send it
     * ({@value SingleSignOn#CSRF_HEADER}) with each change. Only such a session has one: HTTP Basic and bearer tokens
     * need none ({@code 404}).
     */
    @GetMapping(path = SingleSignOn.CSRF_TOKEN, produces = MediaType.APPLICATION_JSON_VALUE)
    java.util.Map<String, String> csrfToken(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token == null || request.getSession(false) == null || request.getHeader("Authorization") != null) {
            throw new NotFoundException("No CSRF token here: only a page signed in through the district's provider"
                    + " needs one; HTTP Basic and bearer tokens need none.");
        }
        return java.util.Map.of("headerName", token.getHeaderName(), "token", token.getToken());
    }

    @GetMapping(path = SingleSignOn.UNKNOWN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    String unknown() {
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Not in the district's roster · Support Plans</title></head>
                <body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
                <main>
                <h1>You are signed in, but not as a member of a school team here</h1>
                <p>Your district's sign-in knows you, but the district's roster of school staff does not list you
                in a role that uses Support Plans.</p>
                <p>Please ask %s to add you to the roster, or to give you the right role.</p>
                <p><a href="%s">Sign out</a></p>
                </main>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(properties.helpContact()), SingleSignOn.LOGOUT);
    }

    /** Without single sign-on there is no session of ours to end: back to Tasklist's own sign-in. */
    @GetMapping(SingleSignOn.LOGOUT)
    ResponseEntity<Void> signedOut() {
        return ResponseEntity.status(302)
                .header("Location", "/camunda/app/tasklist/")
                .build();
    }
}
