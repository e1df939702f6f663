package org.supportplans.engine;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What we serve in place of the web jar's files, from {@code src/main/resources/}: Tasklist's configuration
 * ({@code scripts/config.js}, Camunda's defaults plus two custom scripts), those scripts ({@code clear-drafts.js}:
 * the form drafts that "Save" keeps in the browser go when the user signs out; {@code due-first.js}: tasks due
 * soonest first), and the user styles of Tasklist,
 * Cockpit and Admin ({@code webapps/user-styles.css}: no end-of-life banner, no "Start process" or "Create task").
 * A controller mapping comes before the web apps' resource handler, whatever the order of the class path.
 */
@RestController
class WebappOverrides {

    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript");
    private static final MediaType CSS = MediaType.parseMediaType("text/css");

    @GetMapping(
            "${camunda.bpm.webapp.application-path:/camunda}/app/tasklist/scripts/{name:config|clear-drafts|due-first}.js")
    ResponseEntity<Resource> script(@PathVariable String name) {
        return ResponseEntity.ok()
                .contentType(JAVASCRIPT)
                .cacheControl(CacheControl.noCache())
                .body(new ClassPathResource("tasklist/" + name + ".js"));
    }

    /**
     * Cockpit's and Admin's configuration (Camunda's defaults, which set nothing, plus one custom script) and that
     * script: their "Sign out" leads on to {@code /sso/logout}, which with single sign-on ends the session at the
     * district's provider too, as Tasklist's does ({@code clear-drafts.js}).
     */
    @GetMapping(
            "${camunda.bpm.webapp.application-path:/camunda}/app/{app:cockpit|admin}/scripts/{name:config|sign-out-everywhere}.js")
    ResponseEntity<Resource> cockpitAndAdminScript(@PathVariable String name) {
        return ResponseEntity.ok()
                .contentType(JAVASCRIPT)
                .cacheControl(CacheControl.noCache())
                .body(new ClassPathResource("webapps/" + name + ".js"));
    }

    @GetMapping(
            "${camunda.bpm.webapp.application-path:/camunda}/app/{app:tasklist|cockpit|admin}/styles/user-styles.css")
    ResponseEntity<Resource> userStyles() {
        return ResponseEntity.ok()
                .contentType(CSS)
                .cacheControl(CacheControl.noCache())
                .body(new ClassPathResource("webapps/user-styles.css"));
    }
}
